using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RlGym.Benchmarks.Serve;

/// <summary>
/// Whether <c>rlgym serve</c> keeps its memory flat while a run's metrics grow fast: a writer appends
/// <c>rowsPerSecond</c> rows a second to a <c>metrics.csv</c> (in batches every 20 ms, as a fast trainer's flushes
/// arrive) for <c>seconds</c>, while <c>clients</c> run pages follow it and an index page follows the list. The
/// server's resident memory is sampled every 5 seconds. At the end the writer stops and the API's answers are
/// checked against what was written: the row count, and <c>/metrics?after=N</c> at several N (rows N+1.. in order,
/// with the values written).
/// </summary>
public static class ServeMemory
{
    private const string RunName = "growing";

    public static void Run(string dll, int rowsPerSecond, int seconds, int clients)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-serve-memory-" + Environment.ProcessId);
        string run = Path.Combine(dir, RunName);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), "{\"env\":\"CartPole-v1\",\"agent\":\"a2c\",\"steps\":1000000000000,\"seed\":0}\n");
        string metrics = Path.Combine(run, "metrics.csv");
        File.WriteAllText(metrics, "episode,total_steps,return,length,exploration_rate,wall_seconds,eval_return,env\n");
        var (server, url) = RlgymProcess.Serve(dll, dir);
        using var stopWriter = new CancellationTokenSource();
        using var stopPages = new CancellationTokenSource();
        long written = 0;
        var writer = Task.Run(() =>
        {
            using var fs = new FileStream(metrics, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var clock = Stopwatch.StartNew();
            var batch = new StringBuilder();
            while (!stopWriter.IsCancellationRequested)
            {
                long due = (long)(clock.Elapsed.TotalSeconds * rowsPerSecond);
                batch.Clear();
                for (long e = written; e < due; e++) batch.Append(Row(e, clock.Elapsed.TotalSeconds));
                fs.Write(Encoding.ASCII.GetBytes(batch.ToString()));
                fs.Flush();
                Volatile.Write(ref written, due);
                Thread.Sleep(20);
            }
        });
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var pages = Enumerable.Range(0, clients).Select(_ => new RunPageFollower(http, RunName)).ToArray();
        var following = pages.Select(p => Task.Run(() => p.RunAsync(stopPages.Token))).ToList();
        following.Add(Task.Run(async () =>
        {
            try
            {
                using var s = await http.GetStreamAsync("/api/events", stopPages.Token);
                await s.CopyToAsync(Stream.Null, stopPages.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
        }));
        try
        {
            var samples = new List<(int Seconds, long Rows, long RssKb)>();
            double cpu0 = server.CpuSeconds();
            for (int t = 0; t <= seconds; t += 5)
            {
                samples.Add((t, Volatile.Read(ref written), server.RssKb()));
                Console.Error.WriteLine($"{t} s: {samples[^1].Rows:N0} rows, server RSS {samples[^1].RssKb / 1024.0:F1} MB");
                if (t < seconds) Thread.Sleep(5000);
            }
            double cpu = server.CpuSeconds() - cpu0;
            stopWriter.Cancel();
            writer.Wait();
            long total = Volatile.Read(ref written);
            string check = CheckAnswers(http, total);
            stopPages.Cancel();
            Task.WaitAll([.. following]);

            // Flat: after the first 20 s (JIT, first heap growth), how much the RSS moved per million rows.
            var late = samples.Where(s => s.Seconds >= 20).ToList();
            double mbPerMillionRows = (late[^1].RssKb - late[0].RssKb) / 1024.0 / ((late[^1].Rows - late[0].Rows) / 1e6);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serve-memory rows_per_s={rowsPerSecond} seconds={seconds} clients={clients} rows={total} {check} server_cpu_s={cpu:F1} " +
                $"rss_mb_at_20s={late[0].RssKb / 1024.0:F1} rss_mb_max={samples.Max(s => s.RssKb) / 1024.0:F1} rss_mb_end={late[^1].RssKb / 1024.0:F1} " +
                $"rss_mb_per_million_rows_after_20s={mbPerMillionRows:F2} charts={pages.Sum(p => p.Charts)} row_calls={pages.Sum(p => p.RowCalls)} " +
                $"errors={pages.Sum(p => p.Errors)} load_end={RlgymProcess.LoadAverage()} rss_mb=[{string.Join(' ', samples.Select(s => (s.RssKb / 1024.0).ToString("F0", CultureInfo.InvariantCulture)))}]"));
        }
        finally
        {
            stopWriter.Cancel();
            stopPages.Cancel();
            server.Dispose();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string Row(long episode, double wall) =>
        string.Create(CultureInfo.InvariantCulture, $"{episode},{episode * 100},{episode % 500},100,NaN,{wall:F3},{(episode % 1000 == 999 ? "450" : "")},0\n");

    /// <summary>Once the writer stopped: the server counts every row and reads rows back right from any point.</summary>
    private static string CheckAnswers(HttpClient http, long total)
    {
        int episodes = -1;
        for (int i = 0; i < 100 && episodes != total; i++)
        {
            Thread.Sleep(200);
            var runs = http.GetFromJsonAsync<JsonElement>("/api/runs").Result;
            episodes = runs.EnumerateArray().Single(r => r.GetProperty("id").GetString() == RunName).GetProperty("episodes").GetInt32();
        }
        if (episodes != total) return $"answers=WRONG(episodes {episodes} of {total})";
        foreach (long after in new[] { -1, 0, 12_345, total / 3, total / 2 + 7, total - 2_000, total - 1 })
        {
            var rows = http.GetFromJsonAsync<JsonElement>($"/api/runs/{RunName}/metrics?after={after}&limit=1000").Result;
            long expected = after + 1;
            foreach (var row in rows.EnumerateArray())
            {
                long e = row.GetProperty("episode").GetInt64();
                if (e != expected || row.GetProperty("total_steps").GetInt64() != e * 100 || row.GetProperty("return").GetDouble() != e % 500)
                    return $"answers=WRONG(after={after}: episode {e}, expected {expected})";
                expected++;
            }
            if (expected - after - 1 != Math.Min(1000, total - after - 1)) return $"answers=WRONG(after={after}: {expected - after - 1} rows)";
        }
        return "answers=right";
    }
}
