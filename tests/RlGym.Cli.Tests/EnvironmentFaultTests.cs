using RlGym.Training.Checkpoints;
using RlGym.Training.Runs;

namespace RlGym.Cli.Tests;

/// <summary>An environment written by a user that returns NaN stops the run, and the last checkpoint survives.</summary>
public sealed class EnvironmentFaultTests
{
    [Fact]
    public void NaN_reward_stops_training_naming_env_step_and_value_and_keeps_the_last_checkpoint()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        var r = CliRun.Run("train", "NanReward-v0", "--agent", "test-q", "--episodes", "8", "--checkpoint-every", "1",
            "-o", "nan_at_episode=5", "--out", run);

        var line = StderrAssert.OneErrorLine(r, exitCode: 1);
        Assert.Contains("NanReward-v0", line);
        Assert.Contains("reward NaN", line);
        Assert.Contains("episode 5, step 3", line);

        var dir = new RunDirectory(run);
        Assert.Equal(5, dir.Checkpoints.Load("NanReward-v0", "test-q").Episode);
        Assert.Equal(6, File.ReadAllLines(dir.MetricsPath).Length);

        // The checkpoint is whole: the run resumes from it (a fresh env instance, so no NaN before episode 10).
        var resumed = CliRun.Run("train", "--resume", run);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(9, File.ReadAllLines(dir.MetricsPath).Length);
    }
}
