using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace RlGym.Benchmarks.Serve;

/// <summary>
/// How much a dashboard with viewers slows a training run on the same machine. One call measures one
/// configuration, so that configurations can be interleaved and each measurement stays short:
/// <list type="bullet">
/// <item><c>none</c>: <c>rlgym train</c> alone;</item>
/// <item><c>idle</c>: <c>rlgym serve DIR</c> runs too, nobody follows;</item>
/// <item><c>follow</c>: <c>clients</c> run pages follow the run (<see cref="RunPageFollower"/>, in this process).</item>
/// </list>
/// The run is CartPole-v1 with A2C (seed 1, 8 copies): its speed per step hardly depends on how far it has learned,
/// and its episodes write 100s of rows a second early on, so the dashboard has work. Followers connect before a
/// warm-up (the server's JIT, the trainer's tiered compilation), then training steps per second are taken from the
/// run's own <c>metrics.csv</c> (total_steps and wall_seconds of its last rows) over <c>seconds</c>.
/// </summary>
public static class ServeLoad
{
    public const string RunName = "cartpole-a2c";

    public static void Run(string dll, string mode, int clients, int seconds, int warmup)
    {
        if (mode is not ("none" or "idle" or "follow")) throw new ArgumentException($"mode '{mode}' is not one of none, idle, follow");
        if (mode != "follow") clients = 0;
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-serve-load-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string metrics = Path.Combine(dir, RunName, "metrics.csv");
        RlgymProcess? server = null;
        string? url = null;
        using var stop = new CancellationTokenSource();
        try
        {
            if (mode != "none") (server, url) = RlgymProcess.Serve(dll, dir);
            using var train = RlgymProcess.Start(dll, "train", "CartPole-v1", "--agent", "a2c", "--steps", "1000000000", "--seed", "1",
                "--out", Path.Combine(dir, RunName));
            while (!File.Exists(metrics)) Thread.Sleep(100);

            using var http = new HttpClient { BaseAddress = url is null ? null : new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            if (url is not null) WaitListed(http);
            var pages = Enumerable.Range(0, clients).Select(_ => new RunPageFollower(http, RunName)).ToArray();
            var following = pages.Select(p => Task.Run(() => p.RunAsync(stop.Token))).ToArray();
            Thread.Sleep(warmup * 1000);

            string load0 = RlgymProcess.LoadAverage();
            double trainCpu0 = train.CpuSeconds(), serverCpu0 = server?.CpuSeconds() ?? 0, clientCpu0 = SelfCpuSeconds();
            var machine0 = RlgymProcess.MachineCpuSeconds();
            int events0 = pages.Sum(p => p.Events);
            var (steps0, wall0) = LastRow(metrics);
            Thread.Sleep(seconds * 1000);
            var (steps1, wall1) = LastRow(metrics);
            double trainCpu = train.CpuSeconds() - trainCpu0, serverCpu = (server?.CpuSeconds() ?? 0) - serverCpu0, clientCpu = SelfCpuSeconds() - clientCpu0;
            var machine1 = RlgymProcess.MachineCpuSeconds();
            // What processes other than these three used meanwhile: a measurement disturbed by other work shows here.
            double otherCpu = machine1.Busy - machine0.Busy - trainCpu - serverCpu - clientCpu;
            string load1 = RlgymProcess.LoadAverage();
            long serverRss = server?.RssKb() ?? 0;
            stop.Cancel();
            Task.WaitAll(following);

            double stepsPerSecond = (steps1 - steps0) / (wall1 - wall0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serve-load mode={mode} clients={clients} seconds={seconds} steps_per_s={stepsPerSecond:F0} steps={steps1 - steps0} " +
                $"train_cpu_s={trainCpu:F1} server_cpu_s={serverCpu:F1} clients_cpu_s={clientCpu:F1} other_cpu_s={otherCpu:F1} steal_s={machine1.Steal - machine0.Steal:F1} server_rss_mb={serverRss / 1024} " +
                $"events={pages.Sum(p => p.Events) - events0} charts={pages.Sum(p => p.Charts)} row_calls={pages.Sum(p => p.RowCalls)} " +
                $"frames={pages.Sum(p => p.Frames)} errors={pages.Sum(p => p.Errors)} load_start={load0} load_end={load1}"));
        }
        finally
        {
            stop.Cancel();
            server?.Dispose();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Waits until the dashboard lists the run (its folder is rescanned every second).</summary>
    private static void WaitListed(HttpClient http)
    {
        for (int i = 0; i < 300; i++)
        {
            var runs = http.GetFromJsonAsync<JsonElement>("/api/runs").Result;
            if (runs.EnumerateArray().Any(r => r.GetProperty("id").GetString() == RunName)) return;
            Thread.Sleep(100);
        }
        throw new InvalidOperationException("the dashboard never listed the training run");
    }

    private static double SelfCpuSeconds() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The last complete row's total_steps and wall_seconds.</summary>
    public static (long Steps, double Seconds) LastRow(string metrics)
    {
        using var fs = new FileStream(metrics, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        fs.Seek(Math.Max(0, fs.Length - 4096), SeekOrigin.Begin);
        var text = new StreamReader(fs).ReadToEnd();
        var lines = text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Reverse())
        {
            var f = line.Split(',');
            if (f.Length >= 6 && long.TryParse(f[1], CultureInfo.InvariantCulture, out var s) && double.TryParse(f[5], CultureInfo.InvariantCulture, out var w)) return (s, w);
        }
        throw new InvalidOperationException("metrics.csv has no complete row yet");
    }
}
