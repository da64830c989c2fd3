using System.Runtime.InteropServices;
using RlGym.Agents.Tabular;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Vector;
using RlGym.Core.Wrappers;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Benchmarking;

/// <summary>
/// Measures RlGym's speed side by side in one run: every environment bare and wrapped, its vector env on one core
/// and on all cores, the tabular Q-learning loop, A2C to CartPole's reward threshold, and CartPole-v1 in plain C and in Gymnasium.
/// </summary>
/// <remarks>
/// Usage: <c>var report = new BenchRunner().Run(new BenchOptions { Steps = 1_000_000 }, Console.WriteLine);</c> then
/// <see cref="BenchReportJson.Serialize"/> or <see cref="BenchReportText.Render"/>. Figures are machine-dependent
/// and disturbed by other load, which is why the baselines are measured in the same run as ours.
/// </remarks>
public sealed class BenchRunner
{
    private const int ActionSequenceLength = 4096;
    private readonly EnvRegistry _registry;

    /// <summary>Measures the environments of <paramref name="registry"/> (default: classic control and toy text).</summary>
    public BenchRunner(EnvRegistry? registry = null) =>
        _registry = registry ?? new EnvRegistry().Add(new ClassicControlEnvironments()).Add(new ToyTextEnvironments());

    /// <summary>Runs every measurement; <paramref name="log"/> hears what is being measured.</summary>
    public BenchReport Run(BenchOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        foreach (var id in options.EnvIds) _registry.Spec(id);
        int threads = options.Threads ?? Environment.ProcessorCount;

        var results = new List<EnvBenchResult>();
        var tabular = new List<TabularBenchResult>();
        int ownProcess = 0;
        if (options.IsolationCommand is null && options.EnvIds.Count > 1)
            log?.Invoke("measuring the ids side by side in this process: they share the wrappers' compiled code, which lowers the later ids' wrapped figures");
        foreach (var id in options.EnvIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            log?.Invoke($"{id}: single env, bare and wrapped; vector env of {options.Copies} copies on 1 and {threads} threads"
                + (TabularLoopIds.Contains(id) ? "; Q-learning loop (act, step, update)" : ""));
            var isolated = options.IsolationCommand is { } command && options.EnvIds.Count > 1 ? MeasureInOwnProcess(command, id, options, threads, log) : null;
            if (isolated is not null)
            {
                ownProcess++;
                results.AddRange(isolated.Results);
                tabular.AddRange(isolated.Tabular.Loops);
                continue;
            }
            results.Add(MeasureEnv(id, options, threads));
            if (TabularLoopIds.Contains(id) && _registry.Contains(id))
            {
                tabular.Add(MeasureTabular(id, bare: true, options));
                tabular.Add(MeasureTabular(id, bare: false, options));
            }
        }

        var scaling = MeasureScaling(options, threads, log, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        if (!options.EnvsOnly) log?.Invoke("CartPole-v1: A2C with default options until the reward threshold");
        var a2c = options.EnvsOnly ? new A2cBenchResult(false, "skipped (--envs-only)") : A2cTiming.Run(_registry, options.Seed, cancellationToken);

        log?.Invoke("CartPole-v1 baselines: C loop (cc -O2), Gymnasium (python3)");
        var c = options.CBaseline ? CLoop.Run(Math.Max(options.Steps, 10_000_000), options.Repeats)
            : new CLoopBaseline("CartPole-v1", null, null, "skipped");
        var python = options.PythonBaseline ? GymnasiumTiming.Run("CartPole-v1", Math.Min(options.Steps, 200_000), options.Steps, options.Copies, options.Repeats)
            : GymnasiumTiming.Skipped("CartPole-v1");
        var baselines = new BaselineResults(c, python, Ratios(results, scaling, c, python, threads));

        IReadOnlyList<MctsBenchResult>? mcts = null;
        IReadOnlyList<NetworkCoreResult>? networkCore = null;
        if (!options.EnvsOnly)
        {
            cancellationToken.ThrowIfCancellationRequested();
            log?.Invoke("MCTS on TicTacToe-v0 and ConnectFour-v0: simulations/s, ours and plain C (cc -O2)");
            mcts = MctsTiming.Run(Math.Clamp(options.Steps / 5, 10_000, 1_000_000), options.Repeats, options.CBaseline);

            cancellationToken.ThrowIfCancellationRequested();
            log?.Invoke("Network core: dense forward + backward GFLOPS at batch 1, 64, 256, beside NumPy's");
            networkCore = NetworkCoreTiming.Run(options.PythonBaseline);
        }

        var machine = new BenchMachine(
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
            options.Steps, options.Repeats, options.Copies, threads,
            $"steps/s are the best of {options.Repeats} timed runs after warm-up (median beside); load from other processes lowers them"
            + (ownProcess == options.EnvIds.Count && ownProcess > 1 ? "; each id measured in a process of its own"
                : options.EnvIds.Count > 1 ? $"; {options.EnvIds.Count - ownProcess} of {options.EnvIds.Count} ids measured side by side in one process (their wrapped figures are lower)" : ""));
        var tabularResults = new TabularBenchResults(
            "Q-learning (default options: alpha 0.1, gamma 0.99, epsilon-greedy 0.1): act, env step, update, reset at episode end", tabular);
        return new BenchReport(machine, results, tabularResults, a2c, baselines, scaling, mcts, networkCore);
    }

    /// <summary>The toy-text ids whose Q-learning loop is timed too.</summary>
    private static readonly string[] TabularLoopIds = ["FrozenLake-v1", "CliffWalking-v1"];

    /// <summary>
    /// Runs <c>bench ID --envs-only --scaling none --no-baselines --json</c> with this run's options in a process of its
    /// own; null (and a line to <paramref name="log"/>) when that process fails, so the id is measured here instead.
    /// </summary>
    private static BenchReport? MeasureInOwnProcess(IReadOnlyList<string> command, string id, BenchOptions options, int threads, Action<string>? log)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string[] arguments =
        [
            .. command.Skip(1), "bench", id, "--envs-only", "--scaling", "none", "--no-baselines", "--json",
            "--steps", options.Steps.ToString(inv), "--envs", options.Copies.ToString(inv), "--threads", threads.ToString(inv),
            "--repeats", options.Repeats.ToString(inv), "--seed", options.Seed.ToString(inv),
        ];
        var (exit, output, error) = ExternalProcess.Run(command[0], arguments, TimeSpan.FromMinutes(30));
        if (exit == 0)
        {
            try
            {
                var report = BenchReportJson.Deserialize(output);
                if (report.Results is [var only] && only.Env == id) return report;
            }
            catch (System.Text.Json.JsonException) { }
        }
        var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {exit}";
        log?.Invoke($"{id}: measuring in a process of its own failed ({reason}); measuring it beside the others");
        return null;
    }

    private EnvBenchResult MeasureEnv(string id, BenchOptions options, int threads)
    {
        var spec = _registry.Spec(id);
        var bare = spec.Factory(new EnvOptions().WithDefaults(spec.DefaultOptions));
        var wrapped = _registry.Make(id);
        try
        {
            return bare.Accept(new EnvMeasurement(this, id, wrapped, options, threads));
        }
        finally
        {
            bare.Dispose();
            wrapped.Dispose();
        }
    }

    private sealed class EnvMeasurement(BenchRunner runner, string id, IEnv wrapped, BenchOptions options, int threads)
        : IEnvVisitor<EnvBenchResult>
    {
        public EnvBenchResult Visit<TObs, TAct>(IEnv<TObs, TAct> bare) where TObs : notnull where TAct : notnull
        {
            var actions = ActionSequence(bare.ActionSpace, ActionSequenceLength, options.Seed);
            var w = (IEnv<TObs, TAct>)wrapped;
            bare.Reset(options.Seed);
            w.Reset(options.Seed);
            // Each through its own instantiation of the loop (see StepLoops), as a training loop over one of them would be.
            // Both are warmed up, with pauses for the background compiler, before either is timed: the first measured
            // would otherwise still run its on-stack-replacement code while the second already ran fully optimised.
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 100; i++) StepLoops.Single<TObs, TAct, BareLoop>(bare, actions, 2048);
                for (int i = 0; i < 100; i++) StepLoops.Single<TObs, TAct, WrappedLoop>(w, actions, 2048);
                Thread.Sleep(150);
            }
            var single = Throughput.Measure(n => StepLoops.Single<TObs, TAct, BareLoop>(bare, actions, n), options.Steps, options.Repeats);
            var outer = Throughput.Measure(n => StepLoops.Single<TObs, TAct, WrappedLoop>(w, actions, n), options.Steps, options.Repeats);

            var (vector, oneCore, workerBytes, note) = runner.MeasureVector(id, bare.ActionSpace, bare.ObservationSpace, options.Copies, options, threads);
            return new EnvBenchResult(id,
                single.Best, single.Median, single.BestCpu, outer.Best, outer.Median, outer.BestCpu, single.BytesPerStep, outer.BytesPerStep,
                vector?.Best, oneCore?.Best, oneCore?.BestCpu, vector is { } v && oneCore is { } o ? v.Best / o.Best : null,
                vector is { } vb && oneCore is { } ob ? vb.BytesPerStep + ob.BytesPerStep : null, workerBytes, note,
                outer.Best / single.Best, outer.BestCpu / single.BestCpu, oneCore?.Best / single.Best, oneCore?.BestCpu / single.BestCpu);
        }
    }

    private (Throughput? Parallel, Throughput? OneCore, double? WorkerBytesPerStep, string? Note) MeasureVector<TAct>(
        string id, Space<TAct> actionSpace, Space observationSpace, int copies, BenchOptions options, int threads) where TAct : notnull
    {
        int k = copies;
        // 64 rows of K actions: the row index is masked, so the number of rows must be a power of two.
        var actions = ActionSequence(actionSpace, 64 * k, options.Seed + 1);
        long vectorSteps = Math.Max(1, options.Steps / k);
        long steps = vectorSteps * k;

        Func<int, IVectorEnv<TAct>> make;
        string note;
        if (observationSpace is Box || _registry.Spec(id).VectorFactory is not null)
        {
            make = t => _registry.MakeVector<TAct>(id, k, threads: t);
            using var probe = make(1);
            note = probe switch
            {
                ArrayVectorEnv<TAct> a => $"{a.GetType().Name}: states in arrays" + a switch
                {
                    CartPoleVectorEnv { IsVectorized: true } => ", SIMD",
                    TabularVectorEnv => ", one-hot rows",
                    _ => "",
                },
                _ => "K registry-made copies (SyncVectorEnv / ParallelVectorEnv)",
            };
        }
        else
        {
            make = t => OneHotCopies<TAct>(id, k, t);
            note = "K registry-made copies, one-hot encoded (OneHotObservation)";
        }

        Throughput oneCore;
        using (var sync = make(1))
        {
            sync.Reset(options.Seed);
            oneCore = Throughput.Measure(n => StepLoops.Vector(sync, actions, Math.Max(1, n / k)), steps, options.Repeats);
        }

        using var parallel = make(threads);
        parallel.Reset(options.Seed);
        var all = Throughput.Measure(n => StepLoops.Vector(parallel, actions, Math.Max(1, n / k)), steps, options.Repeats,
            otherThreadBytes: () => WorkerAllocatedBytes(parallel));
        return (all, oneCore, all.OtherThreadBytesPerStep, note);
    }

    private IVectorEnv<TAct> OneHotCopies<TAct>(string id, int k, int threads) where TAct : notnull
    {
        IEnv<float[], TAct> Copy(int i)
        {
            var env = _registry.Make(id);
            if (env is IEnv<int, TAct> discrete) return new OneHotObservation<TAct>(discrete);
            env.Dispose();
            throw new NotSupportedException($"{id}: vector envs need Box or Discrete observations");
        }
        return threads == 1 ? new SyncVectorEnv<TAct>(k, Copy) : new ParallelVectorEnv<TAct>(k, Copy, threads: threads);
    }

    private static long WorkerAllocatedBytes(IVectorEnv env) => env switch
    {
        ParallelVectorEnv<int> p => p.WorkerAllocatedBytes,
        ParallelVectorEnv<float[]> p => p.WorkerAllocatedBytes,
        ArrayVectorEnv<int> a => a.WorkerAllocatedBytes,
        ArrayVectorEnv<float[]> a => a.WorkerAllocatedBytes,
        _ => 0,
    };

    private List<VectorScalingResult> MeasureScaling(BenchOptions options, int threads, Action<string>? log, CancellationToken cancellationToken)
    {
        var scaling = new List<VectorScalingResult>();
        foreach (var id in options.EnvIds)
        {
            var spec = _registry.Spec(id);
            if (spec.VectorFactory is null) continue;
            foreach (int k in options.ScalingCopies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                log?.Invoke($"{id}: vector env of {k} copies on 1 and {threads} threads");
                using var probe = _registry.MakeVector(id, 1);
                var r = probe switch
                {
                    IVectorEnv<int> d => MeasureVector(id, d.SingleActionSpace, probe.SingleObservationSpace, k, options, threads),
                    IVectorEnv<float[]> c => MeasureVector(id, c.SingleActionSpace, probe.SingleObservationSpace, k, options, threads),
                    _ => default,
                };
                double? independent = probe switch
                {
                    IVectorEnv<int> d => MeasureIndependent(id, d.SingleActionSpace, k, options, threads),
                    IVectorEnv<float[]> c => MeasureIndependent(id, c.SingleActionSpace, k, options, threads),
                    _ => null,
                };
                if (r.OneCore is { } one && r.Parallel is { } all)
                    scaling.Add(new VectorScalingResult(id, k, one.Best, one.Median, one.BestCpu, threads, all.Best, all.Median, all.Best / one.Best,
                        one.BytesPerStep + all.BytesPerStep + all.OtherThreadBytesPerStep, independent, independent / one.Best));
            }
        }
        return scaling;
    }

    /// <summary>
    /// Steps per second of <paramref name="threads"/> separate one-thread vector envs of K / W copies, each stepped by a
    /// thread of its own with nothing shared: the most W threads can give on this machine at this moment.
    /// </summary>
    private double? MeasureIndependent<TAct>(string id, Space<TAct> actionSpace, int copies, BenchOptions options, int threads) where TAct : notnull
    {
        if (threads < 2 || copies < threads) return null;
        int k = copies / threads;
        var envs = new IVectorEnv<TAct>[threads];
        var actions = new TAct[threads][];
        try
        {
            for (int t = 0; t < threads; t++)
            {
                envs[t] = _registry.MakeVector<TAct>(id, k, threads: 1);
                envs[t].Reset(options.Seed + t * k);
                actions[t] = ActionSequence(actionSpace, 64 * k, options.Seed + 1 + t);
            }
            void StepAll(long n)
            {
                long vectorSteps = Math.Max(1, n / (k * threads));
                var others = new Thread[threads - 1];
                for (int t = 1; t < threads; t++)
                {
                    int own = t;
                    others[t - 1] = new Thread(() => StepLoops.Vector(envs[own], actions[own], vectorSteps));
                    others[t - 1].Start();
                }
                StepLoops.Vector(envs[0], actions[0], vectorSteps);
                foreach (var other in others) other.Join();
            }
            return Throughput.Measure(StepAll, Math.Max(1, options.Steps / (k * threads)) * k * threads, options.Repeats).Best;
        }
        finally
        {
            foreach (var env in envs) env?.Dispose();
        }
    }

    private TabularBenchResult MeasureTabular(string id, bool bare, BenchOptions options)
    {
        var spec = _registry.Spec(id);
        var env = (IEnv<int, int>)(bare ? spec.Factory(new EnvOptions().WithDefaults(spec.DefaultOptions)) : _registry.Make(id));
        using var _ = env;
        var states = (Discrete)env.ObservationSpace;
        var actionSpace = (Discrete)env.ActionSpace;
        var agent = new QLearningAgent(states.N, actionSpace.N, new QLearningOptions(), options.Seed);
        int state = env.Reset(options.Seed).Observation;
        var t = bare
            ? Throughput.Measure(n => StepLoops.Tabular<BareLoop>(agent, env, ref state, n), options.Steps, options.Repeats)
            : Throughput.Measure(n => StepLoops.Tabular<WrappedLoop>(agent, env, ref state, n), options.Steps, options.Repeats);
        return new TabularBenchResult(id, QLearningAgent.AgentName, bare ? "bare" : "wrapped (registry.Make)", t.Best, t.Median, t.BestCpu, t.BytesPerStep);
    }

    private static IReadOnlyList<BaselineRatio> Ratios(List<EnvBenchResult> results, List<VectorScalingResult> scaling, CLoopBaseline c, PythonBaseline python, int threads)
    {
        var ratios = new List<BaselineRatio>();
        var cartPole = results.FirstOrDefault(r => r.Env == "CartPole-v1");
        if (cartPole is null) return ratios;
        const string measured = "measured in this run";
        ratios.Add(new("CartPole-v1 bare / C loop", cartPole.StepsPerSecond / c.StepsPerSecond, cartPole.CpuStepsPerSecond / c.CpuStepsPerSecond, measured));
        ratios.Add(new("CartPole-v1 wrapped / C loop", cartPole.WrappedStepsPerSecond / c.StepsPerSecond, cartPole.WrappedCpuStepsPerSecond / c.CpuStepsPerSecond, measured));
        ratios.Add(new("CartPole-v1 vector 1 core / C loop", cartPole.VectorOneCoreStepsPerSecond / c.StepsPerSecond, cartPole.VectorOneCoreCpuStepsPerSecond / c.CpuStepsPerSecond, measured));
        if (python.MeasuredStepsPerSecond is { } p)
            ratios.Add(new("CartPole-v1 wrapped / gymnasium.make", cartPole.WrappedStepsPerSecond / p, null, measured));
        if (python.MeasuredVectorStepsPerSecond is { } pv)
        {
            ratios.Add(new($"CartPole-v1 vector 1 core / Gymnasium CartPoleVectorEnv ({python.VectorCopies} copies)", cartPole.VectorOneCoreStepsPerSecond / pv, null, measured));
            ratios.Add(new($"CartPole-v1 vector {threads} threads / Gymnasium CartPoleVectorEnv ({python.VectorCopies} copies)", cartPole.VectorStepsPerSecond / pv, null, measured));
        }
        ratios.Add(new("CartPole-v1 wrapped / gymnasium.make (quoted)", cartPole.WrappedStepsPerSecond / python.QuotedStepsPerSecond, null,
            "quoted reference figure, not measured here"));
        return ratios;
    }

    /// <summary>A reproducible sequence of <paramref name="length"/> actions drawn from the space before timing starts.</summary>
    internal static TAct[] ActionSequence<TAct>(Space<TAct> space, int length, long seed) where TAct : notnull
    {
        space.Seed(seed);
        var actions = new TAct[length];
        for (int i = 0; i < length; i++) actions[i] = space.Clone(space.Sample());
        return actions;
    }
}
