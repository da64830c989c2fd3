namespace RlGym.Cli.Tests;

[Collection(nameof(RaylibWindowCollection))]
public sealed class TrainWindowTests
{
    [RaylibFact]
    public async Task The_window_starts_at_the_env_pace_and_speeds_up_until_a_long_run_finishes_on_its_own()
    {
        // At FrozenLake's 4 steps/s the 3,000 episodes (about 68,000 steps) would take almost five hours; speeding
        // up one pace per episode (and per second) reaches 10,000 steps/s after a dozen episodes, so the run ends in seconds. The
        // 30 s are a cap for a busy machine, not a speed figure (about 10 s under a load average of 20). A finished
        // window stays open until Esc; the cancellation then stands for Esc, and the exit code says whether the run
        // had finished (0) or was stopped (130).
        using var tmp = new TempDirectory();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var r = await CliRun.RunAsync(["train", "FrozenLake-v1", "--agent", "q-learning", "--episodes", "3000", "--render",
            "--out", tmp.File("run")], stop.Token);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(3000 + 1, File.ReadAllLines(Path.Combine(tmp.File("run"), "metrics.csv")).Length);
    }

    [RaylibFact]
    public async Task A_pace_given_on_the_command_line_holds()
    {
        // 4 steps/s held: three seconds take at most a few episodes of FrozenLake, far from the 3,000 asked for.
        using var tmp = new TempDirectory();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var r = await CliRun.RunAsync(["train", "FrozenLake-v1", "--agent", "q-learning", "--episodes", "3000", "--render",
            "--pace", "4", "--out", tmp.File("run")], stop.Token);
        Assert.True(r.ExitCode == 130, r.Error);
        Assert.InRange(File.ReadAllLines(Path.Combine(tmp.File("run"), "metrics.csv")).Length - 1, 0, 5);
    }
}
