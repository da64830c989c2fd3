using RlGym.Sweeps.Tests.Support;

namespace RlGym.Sweeps.Tests;

/// <summary>
/// <c>kill -9</c> of a real <c>rlgym sweep</c> process at random moments, then the same command again until it
/// finishes: the results JSON must equal that of an uninterrupted sweep. The moments are drawn from a fixed seed
/// between 0.2 s and 1.5 s after start, so they fall in process start-up, mid-trial (between and during checkpoints),
/// in journal writes and in the final results.
/// </summary>
public sealed class KillTests
{
    private static void KillAndRerun(int kills, int seed)
    {
        using var tmp = new TempDirectory();
        string file = tmp.Write("sweep.json", EmbeddedSweepTests.Twelve);
        string reference = SweepCli.Embedded(EmbeddedSweepTests.Twelve, tmp.File("reference"));
        string dir = tmp.File("killed");
        var random = new Random(seed);
        int finishedEarly = 0;
        for (int k = 0; k < kills; k++)
        {
            using var p = SweepCli.Start("sweep", file, "--out", dir, "--json", "--workers", "2");
            int delay = random.Next(200, 1500);
            if (p.Process.WaitForExit(delay))
            {
                p.Process.WaitForExit(); // drains the redirected output
                // The sweep finished before the kill: start it over so the later kills land on work again.
                Assert.True(p.Process.ExitCode == 0, p.Error);
                Assert.Equal(reference, p.Out.Trim());
                finishedEarly++;
                Directory.Delete(dir, recursive: true);
                continue;
            }
            p.Kill9();
        }
        using var last = SweepCli.Start("sweep", file, "--out", dir, "--json", "--workers", "2");
        Assert.True(last.Process.WaitForExit(300_000), "the rerun did not finish within 5 minutes");
        last.Process.WaitForExit();
        Assert.True(last.Process.ExitCode == 0, last.Error);
        Assert.Equal(reference, last.Out.Trim());
        Assert.True(finishedEarly < kills, "every sweep finished before its kill; the test killed nothing");
    }

    [Fact]
    public void A_sweep_killed_three_times_gives_the_results_of_an_uninterrupted_one() => KillAndRerun(3, seed: 1);

    [Fact]
    [Trait("Category", "Slow")]
    public void A_sweep_killed_fifty_times_gives_the_results_of_an_uninterrupted_one() => KillAndRerun(50, seed: 2);
}
