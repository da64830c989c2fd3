using System.Text.RegularExpressions;
using RlGym.Sweeps.Journal;
using RlGym.Sweeps.Tests.Support;

namespace RlGym.Sweeps.Tests;

/// <summary>
/// The real thing on one machine: Redis on loopback, two <c>rlgym worker</c> processes, <c>rlgym sweep --cluster</c>,
/// and one worker killed with SIGKILL while it trains. Its trial must resume on the other worker and the results must
/// equal those of the same sweep run embedded.
/// </summary>
public sealed partial class MultiProcessClusterTests
{
    private const string Sweep = """
        {"env":"FrozenLake-v1","agents":["q-learning","sarsa"],"episodes":6000,"seeds":2,"grid":{"alpha":[0.1,0.5]},
         "checkpoint_every":50,"learning_curves":false}
        """;

    [RedisFact]
    public void A_worker_killed_with_sigkill_loses_nothing_and_the_results_equal_the_embedded_run()
    {
        using var tmp = new TempDirectory();
        string embedded = SweepCli.Embedded(Sweep, tmp.File("embedded"));
        using var redis = RedisServer.Start();
        string file = tmp.Write("sweep.json", Sweep);
        string dir = tmp.File("cluster");

        using var w1 = StartWorker(redis.Url);
        using var w2 = StartWorker(redis.Url);
        foreach (var w in new[] { w1, w2 })
            Assert.True(w.WaitUntil(e => e.Contains("worker joined"), TimeSpan.FromMinutes(2)), "a worker did not join: " + w.Error);

        using var sweep = SweepCli.Start("sweep", file, "--cluster", redis.Url, "--out", dir, "--json");
        // Kill the first worker while it trains: after a trial of its own has started and before it is done.
        Assert.True(w1.WaitUntil(e => Started(e).Except(Finished(e)).Any() && Finished(e).Any(), TimeSpan.FromMinutes(3)),
            "worker 1 did not get to a second trial: " + w1.Error + sweep.Error);
        var interrupted = Started(w1.Error).Except(Finished(w1.Error)).ToList();
        w1.Kill9();
        // A trial of a second or two can still finish between the look and the kill; only unfinished ones are handed over.
        interrupted = [.. interrupted.Except(Finished(w1.Error))];
        Assert.True(interrupted.Count > 0, "worker 1 finished its trial before the kill landed: " + w1.Error);

        Assert.True(sweep.Process.WaitForExit(300_000), "the sweep did not finish within 5 minutes after the kill: " + sweep.Error);
        sweep.Process.WaitForExit(); // drains the redirected output
        Assert.True(sweep.Process.ExitCode == 0, sweep.Error + w2.Error);
        Assert.Equal(embedded, sweep.Out.Trim());
        // The killed worker's trial was finished by the other worker, from the checkpoint in the shared directory.
        Assert.Contains(interrupted[0], Finished(w2.Error));
        Assert.True(SweepJournal.ExistsIn(dir));
    }

    private static SweepCli.RlGymProcess StartWorker(string url) =>
        SweepCli.Start("worker", "--cluster", url, "--slots", "1",
            "--silo-port", RedisServer.FreePort().ToString(), "--gateway-port", RedisServer.FreePort().ToString());

    private static IEnumerable<string> Started(string log) => StartedLine().Matches(log).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> Finished(string log) => DoneLine().Matches(log).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"trial (\S+) \(rung \d+\) started")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"trial (\S+) \(rung \d+\) done")]
    private static partial Regex DoneLine();
}
