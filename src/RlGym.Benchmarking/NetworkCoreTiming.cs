using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;

namespace RlGym.Benchmarking;

/// <summary>One shape and batch of the network-core measurement.</summary>
/// <param name="Shape">Layer widths, e.g. <c>8-64-64-2</c>.</param>
/// <param name="Batch">Rows per forward and backward pass.</param>
/// <param name="Gflops">Our dense forward + backward, in 10⁹ floating-point operations per second (float64).</param>
/// <param name="NumpyGflops">The same passes written with NumPy's matrix product (OpenBLAS), float64; null when unavailable.</param>
/// <param name="NumpyStatus">Why NumPy's figure is missing, or how it was taken.</param>
public sealed record NetworkCoreResult(string Shape, int Batch, double Gflops, double? NumpyGflops, string NumpyStatus)
{
    /// <summary>Ours over NumPy's.</summary>
    public double? VersusNumpy => NumpyGflops is > 0 ? Gflops / NumpyGflops : null;
}

/// <summary>
/// GFLOPS of a dense network's forward and backward pass (tanh between layers, as PPO's networks) at batch 1, 64 and
/// 256 for [obs, 64, 64, act] and [obs, 256, 256, act] with obs 8 and act 2, and NumPy's on the same shapes in the same
/// run when <c>$RLGYM_PYTHON</c> (default <c>python3</c>) imports NumPy. A pass counts 6·B·Σ inputs·outputs
/// operations: 2 for y = xW, 2 for ∂W = xᵀ∂y and 2 for ∂x = ∂y Wᵀ, biases and activations not counted.
/// </summary>
public static class NetworkCoreTiming
{
    /// <summary>The measured layer widths.</summary>
    public static IReadOnlyList<int[]> Shapes { get; } = [[8, 64, 64, 2], [8, 256, 256, 2]];

    /// <summary>The measured batch sizes.</summary>
    public static IReadOnlyList<int> Batches { get; } = [1, 64, 256];

    private const string Script = """
        import sys, time
        import numpy as np
        sizes = [int(s) for s in sys.argv[1].split("-")]
        batch, seconds = int(sys.argv[2]), float(sys.argv[3])
        rng = np.random.default_rng(1)
        ws = [rng.standard_normal((a, b)) * 0.1 for a, b in zip(sizes[:-1], sizes[1:])]
        bs = [np.zeros(b) for b in sizes[1:]]
        x = rng.standard_normal((batch, sizes[0]))
        def passes():
            acts = [x]
            for i, (w, b) in enumerate(zip(ws, bs)):
                y = acts[-1] @ w + b
                acts.append(np.tanh(y) if i + 1 < len(ws) else y)
            g = np.ones_like(acts[-1])
            for i in reversed(range(len(ws))):
                if i + 1 < len(ws):
                    g = g * (1 - acts[i + 1] ** 2)
                dw = acts[i].T @ g
                db = g.sum(axis=0)
                g = g @ ws[i].T
        for _ in range(50): passes()
        best = 0.0
        for _ in range(3):
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < seconds:
                for _ in range(20): passes()
                n += 20
            best = max(best, n / (time.perf_counter() - start))
        print("passes_per_second", best)
        """;

    /// <summary>Measures every shape and batch, about <paramref name="seconds"/> per timed run.</summary>
    public static IReadOnlyList<NetworkCoreResult> Run(bool numpy = true, double seconds = 0.3)
    {
        var results = new List<NetworkCoreResult>();
        string python = Environment.GetEnvironmentVariable(GymnasiumTiming.PythonVariable) is { Length: > 0 } p ? p : "python3";
        string? numpyMissing = numpy ? null : "skipped (--no-baselines)";
        if (numpyMissing is null)
        {
            var probe = ExternalProcess.Run(python, ["-c", "import numpy"], TimeSpan.FromSeconds(60));
            if (probe.ExitCode != 0) numpyMissing = $"skipped: {python} cannot import numpy";
        }
        using var dir = new ExternalProcess.TempDirectory();
        string script = Path.Combine(dir.Path, "network_core_timing.py");
        File.WriteAllText(script, Script);
        foreach (var sizes in Shapes)
        {
            string shape = string.Join("-", sizes);
            double flopsPerRow = 0;
            for (int i = 0; i + 1 < sizes.Length; i++) flopsPerRow += 6.0 * sizes[i] * sizes[i + 1];
            foreach (int batch in Batches)
            {
                double ours = PassesPerSecond(sizes, batch, seconds) * flopsPerRow * batch / 1e9;
                double? theirs = null;
                string status = numpyMissing ?? "";
                if (numpyMissing is null)
                {
                    var run = ExternalProcess.Run(python, [script, shape, batch.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture)],
                        TimeSpan.FromMinutes(2));
                    theirs = run.ExitCode == 0 ? ExternalProcess.ParseNumber(run.Output, "passes_per_second") * flopsPerRow * batch / 1e9 : null;
                    status = theirs is null ? "the NumPy timing script failed" : "measured: NumPy float64 matmul, best of 3";
                }
                results.Add(new NetworkCoreResult(shape, batch, ours, theirs, status));
            }
        }
        return results;
    }

    // Best of three timed runs of forward + backward passes through a tanh MLP, after a warm-up.
    private static double PassesPerSecond(int[] sizes, int batch, double seconds)
    {
        var rng = new Rng(1);
        var net = Mlp.Create(sizes, Activation.Tanh, rng);
        var x = Matrix<double>.Build.Dense(batch, sizes[0], (_, _) => rng.NextGaussian());
        var g = Matrix<double>.Build.Dense(batch, sizes[^1], 1.0);
        void Pass()
        {
            net.ZeroGrad();
            net.Forward(x);
            net.Backward(g);
        }
        for (int i = 0; i < 50; i++) Pass();
        double best = 0;
        for (int r = 0; r < 3; r++)
        {
            long n = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (int i = 0; i < 20; i++) Pass();
                n += 20;
            }
            best = Math.Max(best, n / watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
