using System.Text.Json;
using RlGym.Sweeps.Journal;
using RlGym.Sweeps.Tests.Support;

namespace RlGym.Sweeps.Tests;

public sealed class EmbeddedSweepTests
{
    // The README's 12-trial FrozenLake sweep with a short budget, checkpointing often so interruptions land mid-trial.
    internal const string Twelve = """
        {"env":"FrozenLake-v1","agents":["q-learning","sarsa"],"episodes":300,"seeds":3,"grid":{"alpha":[0.1,0.5]},
         "checkpoint_every":25,"learning_curves":false}
        """;

    [Fact]
    public void One_slot_and_two_slots_give_the_same_results()
    {
        using var tmp = new TempDirectory();
        var one = SweepCli.Embedded(Twelve, tmp.File("one"), slots: 1);
        var two = SweepCli.Embedded(Twelve, tmp.File("two"), slots: 2);
        Assert.Equal(one, two);
        using var doc = JsonDocument.Parse(one);
        Assert.Equal(12, doc.RootElement.GetProperty("trials").GetArrayLength());
        Assert.All(doc.RootElement.GetProperty("trials").EnumerateArray(), t => Assert.Equal("done", t.GetProperty("status").GetString()));
        // Every trial is an ordinary run directory.
        foreach (var f in new[] { "config.json", "metrics.csv", "checkpoint/checkpoint.bin", "agent.bin" })
            Assert.True(File.Exists(Path.Combine(tmp.File("two"), "trials", "c003-s2", f)), f);
    }

    [Fact]
    public void A_sweep_cancelled_midway_continues_to_the_results_of_an_uninterrupted_one()
    {
        using var tmp = new TempDirectory();
        var reference = SweepCli.Embedded(Twelve, tmp.File("reference"));
        string dir = tmp.File("stopped");
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300 + 400 * attempt));
            try
            {
                SweepCli.Embedded(Twelve, dir, ct: cts.Token);
                break;
            }
            catch (OperationCanceledException) { }
        }
        Assert.Equal(reference, SweepCli.Embedded(Twelve, dir));
    }

    [Fact]
    public void A_trial_stopped_between_its_last_checkpoint_and_its_agent_file_is_completed_on_the_rerun()
    {
        using var tmp = new TempDirectory();
        string dir = tmp.File("sweep");
        var reference = SweepCli.Embedded(Twelve, dir);
        // What a kill leaves when it lands after the trial's final checkpoint: no agent file, no journal line.
        string trial = Path.Combine(dir, "trials", "c003-s0");
        File.Delete(Path.Combine(trial, "agent.bin"));
        string journal = Path.Combine(dir, SweepJournal.FileName);
        File.WriteAllLines(journal, File.ReadAllLines(journal).Where(l => !l.Contains("\"c003-s0", StringComparison.Ordinal)));

        Assert.Equal(reference, SweepCli.Embedded(Twelve, dir));
        Assert.True(File.Exists(Path.Combine(trial, "agent.bin")));
    }

    [Fact]
    public void Halving_promotes_the_best_and_a_promoted_trial_scores_as_if_trained_in_one_go()
    {
        using var tmp = new TempDirectory();
        const string halving = """
            {"env":"FrozenLake-v1","agents":["q-learning"],"episodes":400,"seeds":2,"grid":{"alpha":[0.05,0.1,0.3,0.8]},
             "halving":{"rungs":2,"eta":2},"checkpoint_every":30,"learning_curves":false}
            """;
        using var h = JsonDocument.Parse(SweepCli.Embedded(halving, tmp.File("halving")));
        var trials = h.RootElement.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(4, trials.Count(t => t.GetProperty("status").GetString() == "done"));
        Assert.Equal(4, trials.Count(t => t.GetProperty("status").GetString() == "stopped"));
        Assert.All(trials.Where(t => t.GetProperty("status").GetString() == "stopped"), t => Assert.Equal(200, t.GetProperty("episodes").GetInt32()));

        // The same configurations trained for the full budget from the start.
        using var full = JsonDocument.Parse(SweepCli.Embedded(halving.Replace("\"halving\":{\"rungs\":2,\"eta\":2},", ""), tmp.File("full")));
        var direct = full.RootElement.GetProperty("trials").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("final_return").GetDouble());
        foreach (var t in trials.Where(t => t.GetProperty("status").GetString() == "done"))
            Assert.Equal(direct[t.GetProperty("id").GetString()!], t.GetProperty("final_return").GetDouble());
    }

    [Fact]
    public void A_bad_sweep_file_exits_2_with_one_line_and_writes_nothing()
    {
        using var tmp = new TempDirectory();
        foreach (var (text, expected) in new[]
        {
            ("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"grid":{"alfa":[0.1]}}""", "alfa"),
            ("""{"env":"NoSuchEnv-v0","agents":["q-learning"],"episodes":10}""", "NoSuchEnv-v0"),
            ("""{"env":"FrozenLake-v1","agents":["no-such-agent"],"episodes":10}""", "no-such-agent"),
            ("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"grid":{"alpha":[-3]}}""", "alpha"),
            ("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":-1}""", "episodes"),
        })
        {
            string file = tmp.Write("bad.json", text);
            string dir = tmp.File("out");
            var r = SweepCli.Run("sweep", file, "--out", dir);
            Assert.Equal(2, r.ExitCode);
            var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(expected, lines[0]);
            Assert.DoesNotContain("Exception", lines[0]);
            Assert.DoesNotContain("System.", lines[0]);
            Assert.False(Directory.Exists(dir));
        }
        var cluster = SweepCli.Run("sweep", tmp.Write("ok.json", """{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10}"""), "--cluster", "http://x:1", "--out", tmp.File("out"));
        Assert.Equal(2, cluster.ExitCode);
        Assert.Contains("redis://HOST:PORT", cluster.Error);
        Assert.False(Directory.Exists(tmp.File("out")));
    }

    [Fact]
    public void The_command_prints_the_table_and_writes_results_and_plots()
    {
        using var tmp = new TempDirectory();
        string file = tmp.Write("s.json", """{"env":"FrozenLake-v1","agents":["q-learning","sarsa"],"episodes":50,"seeds":2,"grid":{"alpha":[0.1,0.5]},"learning_curves":false}""");
        var r = SweepCli.Run("sweep", file, "--out", tmp.File("out"), "--workers", "2");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("(best)", r.Out);
        Assert.Contains("best: ", r.Out);
        Assert.True(File.Exists(tmp.File("out/results.json")));
        Assert.True(File.Exists(tmp.File("out/final-return-alpha.png")));
        Assert.True(SweepJournal.ExistsIn(tmp.File("out")));
        var json = SweepCli.Run("sweep", file, "--out", tmp.File("out"), "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.NotEmpty(File.ReadAllText(tmp.File("out/results.json")));
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(8, doc.RootElement.GetProperty("trials").GetArrayLength());
        Assert.True(doc.RootElement.TryGetProperty("best", out _));
    }
}
