using System.Diagnostics;
using RlGym.Training.Checkpoints;

namespace RlGym.Cli.Tests;

/// <summary>
/// The one test of the real process: a signal during training stops it cleanly, with an exit code that says which
/// signal, and leaves metrics and a checkpoint that a resumed run continues from.
/// </summary>
public sealed class SignalTests
{
    private static Process StartTraining(string dir)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "rlgym.dll"), "train", "Corridor-v0", "--agent", "test-q",
                     "--episodes", "100000000", "--checkpoint-every", "1000", "--out", dir, "--plugin", CliRun.TestPlugin })
            start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static void WaitForRows(string metrics, int rows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(metrics) && new FileInfo(metrics).Length > rows * 20L) return;
            Thread.Sleep(50);
        }
        Assert.Fail("training did not write metrics within 60 s");
    }

    private static void Signal(Process p, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", p.Id.ToString()])!;
        kill.WaitForExit();
        Assert.True(p.WaitForExit(60_000), "rlgym did not exit within 60 s of the signal");
    }

    private static void AssertIntactRun(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "metrics.csv"));
        Assert.All(lines, l => Assert.Equal(8, l.Split(',').Length));
        Assert.EndsWith("\n", File.ReadAllText(Path.Combine(dir, "metrics.csv")));
        var checkpoint = new CheckpointStore(Path.Combine(dir, "checkpoint")).Load();
        Assert.Equal(lines.Length - 1, checkpoint.MetricsRows);
        Assert.True(File.Exists(Path.Combine(dir, "agent.bin")));

        // The checkpoint resumes: a few more episodes append to the same metrics.
        int episodes = checkpoint.Episode + 5;
        var resumed = CliRun.Run("train", "--resume", dir, "--episodes", episodes.ToString());
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(episodes + 1, File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Length);
    }

    [Fact]
    public void Sigint_during_training_exits_130_with_intact_metrics_and_checkpoint()
    {
        using var tmp = new TempDirectory();
        var dir = tmp.File("run");
        using var p = StartTraining(dir);
        WaitForRows(Path.Combine(dir, "metrics.csv"), 2000);
        Signal(p, "INT");
        Assert.Equal(130, p.ExitCode);
        AssertIntactRun(dir);
    }

    [Fact]
    public void Sigterm_during_training_exits_143_with_intact_metrics_and_checkpoint()
    {
        using var tmp = new TempDirectory();
        var dir = tmp.File("run");
        using var p = StartTraining(dir);
        WaitForRows(Path.Combine(dir, "metrics.csv"), 2000);
        Signal(p, "TERM");
        Assert.Equal(143, p.ExitCode);
        AssertIntactRun(dir);
    }
}
