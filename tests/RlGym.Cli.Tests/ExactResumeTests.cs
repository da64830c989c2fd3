namespace RlGym.Cli.Tests;

/// <summary>
/// Every agent family stopped at three points (by step budgets that fall in the middle of episodes) and resumed gives
/// the metrics (wall time aside) and final agent file of the uninterrupted run, byte for byte.
/// </summary>
public sealed class ExactResumeTests
{
    public static TheoryData<string, string, int, string[]> Runs() => new()
    {
        { "q-learning", "FrozenLake-v1", 1, [] },
        { "sarsa", "CliffWalking-v1", 2, [] },
        { "n-step-sarsa", "CliffWalking-v1", 3, [] },
        { "monte-carlo", "FrozenLake-v1", 1, [] },
        { "reinforce", "CartPole-v1", 1, [] },
        { "a2c", "CartPole-v1", 8, ["--wrap", "normalize-observation"] },
        { "dqn", "CartPole-v1", 2, ["--set", "learning_starts=200"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_run_stopped_three_times_and_resumed_equals_the_uninterrupted_run(string agent, string env, int copies, string[] extra)
    {
        const long total = 3000;
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        string[] common = [env, "--agent", agent, "--envs", copies.ToString(), "--seed", "4", "--eval-every", "20", "--checkpoint-every", "7", .. extra];
        var r = CliRun.Run(["train", .. common, "--steps", total.ToString(), "--out", whole.Path]);
        Assert.True(r.ExitCode == 0, r.Error);

        r = CliRun.Run(["train", .. common, "--steps", "377", "--out", split.Path]);
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var stop in new[] { "1201", "2419", total.ToString() })
        {
            r = CliRun.Run("train", "--resume", split.Path, "--steps", stop);
            Assert.True(r.ExitCode == 0, r.Error);
        }

        Assert.Equal(WithoutWallTime(whole.Path), WithoutWallTime(split.Path));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
        // The best agent and the observation statistics saved beside each agent file.
        foreach (var name in new[] { "best-agent.bin", "agent.statistics.bin", "best-agent.statistics.bin" })
        {
            Assert.Equal(File.Exists(Path.Combine(whole.Path, name)), File.Exists(Path.Combine(split.Path, name)));
            if (File.Exists(Path.Combine(whole.Path, name)))
                Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, name)), File.ReadAllBytes(Path.Combine(split.Path, name)));
        }
    }

    private static string[] WithoutWallTime(string dir) =>
        [.. File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Select(line =>
        {
            var cells = line.Split(',');
            cells[5] = "";
            return string.Join(',', cells);
        })];
}
