using System.Net;
using System.Text.Json;

namespace RlGym.Serve.Tests;

/// <summary>The index and the metrics API over run directories written by hand, including damaged ones.</summary>
public sealed class RunsApiTests
{
    private static async Task<JsonElement[]> Runs(DashboardFixture d) =>
        JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs")).RootElement.EnumerateArray().ToArray();

    private static JsonElement Find(JsonElement[] runs, string id) => runs.Single(r => r.GetProperty("id").GetString() == id);

    private static void Age(string file) => File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));

    [Fact]
    public async Task Index_lists_every_run_with_status_episodes_and_evaluations_and_survives_damaged_folders()
    {
        using var tmp = new TempDirectory();
        RunFolders.Write(tmp.Sub("done"), budget: 10, rows: 10, evalEvery: 5, seed: 3);
        Age(Path.Combine(RunFolders.Write(tmp.Sub("stopped"), budget: 100, rows: 10), "metrics.csv"));
        Age(Path.Combine(RunFolders.Write(tmp.Sub("torn"), budget: 100, rows: 5, tail: "5,60,1"), "metrics.csv"));
        Age(Path.Combine(RunFolders.Write(tmp.Sub("garbled"), budget: 100, rows: 5, tail: "not,a,row\n" + RunFolders.Row(5, 1)), "metrics.csv"));
        RunFolders.Write(tmp.Sub("sweep", "a"), agent: "sarsa", rows: 10);
        RunFolders.Write(tmp.Sub("sweep", "b"), agent: "sarsa", rows: 10, seed: 1);
        Directory.CreateDirectory(tmp.Sub("notes"));
        File.WriteAllText(tmp.Sub("notes", "readme.txt"), "not a run");
        Directory.CreateDirectory(tmp.Sub("broken"));
        File.WriteAllText(tmp.Sub("broken", "config.json"), "{ \"env\": ");
        Directory.CreateDirectory(tmp.Sub("headerless"));
        File.WriteAllText(tmp.Sub("headerless", "metrics.csv"), "1,2,3\n4,5,6\n");

        await using var d = await DashboardFixture.Start(tmp.Path);
        var runs = await Runs(d);

        Assert.Equal(["broken", "done", "garbled", "headerless", "stopped", "sweep/a", "sweep/b", "torn"], runs.Select(r => r.GetProperty("id").GetString()));
        var done = Find(runs, "done");
        Assert.Equal("finished", done.GetProperty("status").GetString());
        Assert.Equal("FrozenLake-v1", done.GetProperty("env").GetString());
        Assert.Equal("q-learning", done.GetProperty("agent").GetString());
        Assert.Equal(3, done.GetProperty("seed").GetInt64());
        Assert.Equal(10, done.GetProperty("episodes").GetInt32());
        Assert.Equal(0.9, done.GetProperty("last_eval").GetDouble());
        Assert.Equal(0.9, done.GetProperty("best_eval").GetDouble());
        Assert.Equal(0.7, done.GetProperty("reward_threshold").GetDouble());
        Assert.Equal("interrupted", Find(runs, "stopped").GetProperty("status").GetString());
        // The row the writer has not finished is not a row yet; a malformed complete line is counted, not fatal.
        Assert.Equal(5, Find(runs, "torn").GetProperty("episodes").GetInt32());
        Assert.Equal(0, Find(runs, "torn").GetProperty("bad_rows").GetInt32());
        Assert.Equal(6, Find(runs, "garbled").GetProperty("episodes").GetInt32());
        Assert.Equal(1, Find(runs, "garbled").GetProperty("bad_rows").GetInt32());
        Assert.Equal("broken", Find(runs, "broken").GetProperty("status").GetString());
        Assert.Contains("config.json", Find(runs, "broken").GetProperty("problem").GetString());
        Assert.Equal("broken", Find(runs, "headerless").GetProperty("status").GetString());
        Assert.Equal("sweep", Find(runs, "sweep/a").GetProperty("group").GetString());

        // The writer finishes the torn row: it appears at the next scan.
        File.AppendAllText(tmp.Sub("torn", "metrics.csv"), ",10,0.1,0.05,,0\n");
        await d.WaitUntil(async () => Find(await Runs(d), "torn").GetProperty("episodes").GetInt32() == 6, "the completed row");
        var rows = JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs/torn/metrics?after=4")).RootElement;
        Assert.Equal([5], rows.EnumerateArray().Select(r => r.GetProperty("episode").GetInt32()));
        Assert.Equal(1.0, rows[0].GetProperty("return").GetDouble());
    }

    [Fact]
    public async Task Metrics_after_N_returns_the_rows_after_episode_N_in_order()
    {
        using var tmp = new TempDirectory();
        RunFolders.Write(tmp.Sub("long"), budget: 5000, rows: 5000, returns: e => e * 0.5);
        await using var d = await DashboardFixture.Start(tmp.Path);

        var tail = JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs/long/metrics?after=4000")).RootElement;
        Assert.Equal(999, tail.GetArrayLength());
        Assert.Equal(Enumerable.Range(4001, 999), tail.EnumerateArray().Select(r => r.GetProperty("episode").GetInt32()));
        Assert.Equal(4001 * 0.5, tail[0].GetProperty("return").GetDouble());
        Assert.Equal(40020, tail[0].GetProperty("total_steps").GetInt64());

        var all = JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs/long/metrics")).RootElement;
        Assert.Equal(5000, all.GetArrayLength());
        var some = JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs/long/metrics?after=10&limit=3")).RootElement;
        Assert.Equal([11, 12, 13], some.EnumerateArray().Select(r => r.GetProperty("episode").GetInt32()));

        Assert.Equal(HttpStatusCode.BadRequest, (await d.Client.GetAsync("/api/runs/long/metrics?after=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await d.Client.GetAsync("/api/runs/long/metrics?limit=0")).StatusCode);
        var svg = await d.Client.GetAsync("/api/runs/long/curve.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_columns_are_found_by_their_header_names()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Sub("vec"));
        File.WriteAllText(tmp.Sub("vec", "metrics.csv"),
            "episode,env,return,total_steps,length,exploration_rate,wall_seconds,eval_return\n0,2,7.5,40,40,NaN,0.25,\n1,0,9,90,50,NaN,0.5,8.25\n");
        await using var d = await DashboardFixture.Start(tmp.Path);

        var rows = JsonDocument.Parse(await d.Client.GetStringAsync("/api/runs/vec/metrics")).RootElement;
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(7.5, rows[0].GetProperty("return").GetDouble());
        Assert.Equal(40, rows[0].GetProperty("total_steps").GetInt64());
        Assert.Equal("2", rows[0].GetProperty("env").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("exploration_rate").ValueKind);
        Assert.Equal(8.25, rows[1].GetProperty("eval_return").GetDouble());
        var run = Find(await Runs(d), "vec");
        Assert.Equal(8.25, run.GetProperty("best_eval").GetDouble());
    }

    [Fact]
    public async Task Compare_groups_runs_that_differ_only_in_seed_and_reports_intervals_over_seeds()
    {
        using var tmp = new TempDirectory();
        RunFolders.Write(tmp.Sub("cmp", "q0"), seed: 0, rows: 10, returns: _ => 1);
        RunFolders.Write(tmp.Sub("cmp", "q1"), seed: 1, rows: 10, returns: _ => 3);
        RunFolders.Write(tmp.Sub("cmp", "s0"), agent: "sarsa", seed: 0, rows: 10, returns: _ => 5);
        await using var d = await DashboardFixture.Start(tmp.Path);

        var report = JsonDocument.Parse(await d.Client.GetStringAsync("/api/compare?group=cmp")).RootElement;
        var groups = report.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(["q-learning", "sarsa"], groups.Select(g => g.GetProperty("label").GetString()));
        Assert.Equal(2, groups[0].GetProperty("seeds").GetInt32());
        Assert.Equal(2.0, groups[0].GetProperty("final_return").GetDouble(), 12);
        // Two seeds at 1 and 3: s = √2, t(0.975, 1) = 12.706; half-width = 12.706 · √2 / √2.
        Assert.Equal(12.706, groups[0].GetProperty("final_half_width").GetDouble(), 2);
        Assert.Equal(JsonValueKind.Null, groups[1].GetProperty("final_half_width").ValueKind);

        var two = JsonDocument.Parse(await d.Client.GetStringAsync("/api/compare?run=cmp/q0&run=cmp/s0")).RootElement;
        Assert.Equal(2, two.GetProperty("groups").GetArrayLength());
        Assert.Contains("<svg", await d.Client.GetStringAsync("/api/compare.svg?group=cmp"));
        Assert.Equal(HttpStatusCode.NotFound, (await d.Client.GetAsync("/api/compare?run=nope")).StatusCode);
    }
}
