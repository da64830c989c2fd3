using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RlGym.Benchmarks;

/// <summary>
/// Measurements of <c>rlgym serve</c> against real processes (not BenchmarkDotNet: they take minutes).
/// <para><c>serve-load RLGYM_DLL [clients] [seconds]</c>: a CartPole A2C run trains while the dashboard serves it;
/// training speed (environment steps per second, from metrics.csv) is measured with no viewer, with
/// <c>clients</c> pages following the run (each reads its event stream and fetches every frame, chart and new rows,
/// as the run page does), then with no viewer again.</para>
/// <para><c>serve-memory RLGYM_DLL [rows-per-second] [seconds]</c>: a metrics.csv grows at that rate while the
/// dashboard follows it with one page open; the server's resident memory is sampled every 5 seconds.</para>
/// </summary>
public static class ServeLoad
{
    private static Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        return p;
    }

    private static (Process Server, string Url) Serve(string dll, string dir)
    {
        var serve = Start(dll, "serve", dir, "--port", "0");
        string line = serve.StandardOutput.ReadLine() ?? throw new InvalidOperationException("rlgym serve printed nothing");
        return (serve, Regex.Match(line, @"at (http://\S+)").Groups[1].Value);
    }

    private static long RssKb(Process p) =>
        File.ReadLines($"/proc/{p.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture)).FirstOrDefault();

    private static double CpuSeconds(Process p)
    {
        var fields = File.ReadAllText($"/proc/{p.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The last row's total_steps and wall_seconds.</summary>
    private static (long Steps, double Seconds) LastRow(string metrics)
    {
        using var fs = new FileStream(metrics, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        fs.Seek(Math.Max(0, fs.Length - 4096), SeekOrigin.Begin);
        var lines = new StreamReader(fs).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Reverse())
        {
            var f = line.Split(',');
            if (f.Length >= 6 && long.TryParse(f[1], CultureInfo.InvariantCulture, out var s) && double.TryParse(f[5], CultureInfo.InvariantCulture, out var w)) return (s, w);
        }
        return (0, 0);
    }

    private static double StepsPerSecond(string metrics, int seconds)
    {
        var a = LastRow(metrics);
        Thread.Sleep(seconds * 1000);
        var b = LastRow(metrics);
        return (b.Steps - a.Steps) / (b.Seconds - a.Seconds);
    }

    /// <summary>What a run page does: follow the events, fetch each frame, the chart and the new rows.</summary>
    private static async Task Page(HttpClient http, string run, CancellationToken stop, int[] counts)
    {
        try
        {
            using var stream = await http.GetStreamAsync($"/api/runs/{run}/events", stop);
            using var reader = new StreamReader(stream);
            string? ev = null;
            int after = -1;
            while (!stop.IsCancellationRequested && await reader.ReadLineAsync(stop) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) ev = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && ev == "frame")
                {
                    await http.GetByteArrayAsync($"/api/runs/{run}/frame.png", stop);
                    Interlocked.Increment(ref counts[0]);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && ev == "run")
                {
                    await http.GetStringAsync($"/api/runs/{run}/curve.svg", stop);
                    var rows = await http.GetStringAsync($"/api/runs/{run}/metrics?after={after}&limit=1000", stop);
                    var last = Regex.Matches(rows, "\"episode\":(\\d+)").LastOrDefault();
                    if (last is not null) after = int.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture);
                    Interlocked.Increment(ref counts[1]);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
    }

    public static void Load(string dll, int clients, int seconds)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-serve-load-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var (server, url) = Serve(dll, dir);
        var train = Start(dll, "train", "CartPole-v1", "--agent", "a2c", "--steps", "1000000000", "--out", Path.Combine(dir, "cartpole"));
        string metrics = Path.Combine(dir, "cartpole", "metrics.csv");
        try
        {
            while (!File.Exists(metrics)) Thread.Sleep(200);
            Console.Error.WriteLine("warming up 15 s");
            Thread.Sleep(15_000);
            double before = StepsPerSecond(metrics, seconds);
            Console.Error.WriteLine($"no viewer: {before:F0} steps/s");

            using var stop = new CancellationTokenSource();
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
            var counts = new int[2];
            double cpu0 = CpuSeconds(server), trainCpu0 = CpuSeconds(train);
            var pages = Enumerable.Range(0, clients).Select(_ => Task.Run(() => Page(http, "cartpole", stop.Token, counts))).ToArray();
            Thread.Sleep(3000);
            double during = StepsPerSecond(metrics, seconds);
            double serverCpu = CpuSeconds(server) - cpu0;
            stop.Cancel();
            Task.WaitAll(pages);
            Console.Error.WriteLine($"{clients} viewers: {during:F0} steps/s; frames fetched {counts[0]}, charts {counts[1]}; server CPU {serverCpu:F1} s");

            Thread.Sleep(3000);
            double after = StepsPerSecond(metrics, seconds);
            Console.Error.WriteLine($"no viewer again: {after:F0} steps/s");
            double baseline = (before + after) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serve-load: {clients} viewers for {seconds} s: training {during:F0} steps/s vs {baseline:F0} without viewers ({before:F0} before, {after:F0} after): {(during / baseline - 1) * 100:+0.0;-0.0}%; " +
                $"{counts[0]} frames and {counts[1]} charts served; server used {serverCpu:F1} CPU s, trainer {CpuSeconds(train) - trainCpu0:F1}; server RSS {RssKb(server) / 1024} MB"));
        }
        finally
        {
            train.Kill(entireProcessTree: true);
            server.Kill(entireProcessTree: true);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    public static void Memory(string dll, int rowsPerSecond, int seconds)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-serve-memory-" + Environment.ProcessId);
        string run = Path.Combine(dir, "growing");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), "{\"env\":\"CartPole-v1\",\"agent\":\"a2c\",\"steps\":1000000000000,\"seed\":0}\n");
        string metrics = Path.Combine(run, "metrics.csv");
        File.WriteAllText(metrics, "episode,total_steps,return,length,exploration_rate,wall_seconds,eval_return\n");
        var (server, url) = Serve(dll, dir);
        using var stop = new CancellationTokenSource();
        long written = 0;
        var writer = Task.Run(() =>
        {
            using var fs = new FileStream(metrics, FileMode.Append, FileAccess.Write, FileShare.Read);
            var clock = Stopwatch.StartNew();
            var line = new StringBuilder();
            while (!stop.IsCancellationRequested)
            {
                long due = (long)(clock.Elapsed.TotalSeconds * rowsPerSecond);
                line.Clear();
                for (; written < due; written++)
                    line.Append(CultureInfo.InvariantCulture, $"{written},{written * 100},{written % 500},100,NaN,{clock.Elapsed.TotalSeconds},{(written % 1000 == 0 ? "450" : "")}\n");
                var bytes = Encoding.ASCII.GetBytes(line.ToString());
                fs.Write(bytes);
                fs.Flush();
                Thread.Sleep(20);
            }
        });
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
        var counts = new int[2];
        var page = Task.Run(() => Page(http, "growing", stop.Token, counts));
        var index = Task.Run(async () =>
        {
            try
            {
                using var s = await http.GetStreamAsync("/api/events", stop.Token);
                await s.CopyToAsync(Stream.Null, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
        });
        try
        {
            var samples = new List<string>();
            for (int t = 0; t <= seconds; t += 5)
            {
                samples.Add($"{t} s: {Interlocked.Read(ref written):N0} rows, RSS {RssKb(server) / 1024} MB");
                Console.Error.WriteLine(samples[^1]);
                if (t < seconds) Thread.Sleep(5000);
            }
            var episodes = Regex.Match(http.GetStringAsync("/api/runs").Result, "\"episodes\":(\\d+)").Groups[1].Value;
            Console.WriteLine($"serve-memory: {rowsPerSecond:N0} rows/s for {seconds} s; server saw {episodes} rows; {counts[1]} charts served; " + string.Join("; ", samples));
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(writer, page, index);
            server.Kill(entireProcessTree: true);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
