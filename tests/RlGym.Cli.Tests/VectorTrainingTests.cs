using System.Text.Json;
using RlGym.Training.Checkpoints;
using RlGym.Training.Metrics;

namespace RlGym.Cli.Tests;

/// <summary><c>--envs K</c>, step budgets over every copy, fair comparisons and the saved agents a run leaves.</summary>
public sealed class VectorTrainingTests
{
    [Fact]
    public void Train_with_envs_plays_on_every_copy_and_counts_every_copys_steps()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "FrozenLake-v1", "--agent", "q-learning", "--envs", "4", "--steps", "5000", "--seed", "3", "--out", tmp.Path);
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = MetricsReader.Read(Path.Combine(tmp.Path, "metrics.csv"));
        Assert.Equal([0, 1, 2, 3], rows.Select(m => m.Env).Distinct().Order());
        Assert.Contains("\"num_envs\": 4", File.ReadAllText(Path.Combine(tmp.Path, "config.json")));
        var checkpoint = new CheckpointStore(Path.Combine(tmp.Path, "checkpoint")).Load();
        Assert.Equal(4, checkpoint.Copies.Count);
        Assert.InRange(checkpoint.TotalSteps, 5000, 5003);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    public void Train_refuses_a_number_of_copies_out_of_range_in_one_line(string copies)
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "FrozenLake-v1", "--envs", copies, "--episodes", "10", "--out", tmp.Path);
        var line = StderrAssert.OneErrorLine(r);
        Assert.Contains("num_envs", line);
        Assert.Contains("1 to 4096", r.Error);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "metrics.csv")));
    }

    [Fact]
    public void A_resumed_run_keeps_its_copies()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliRun.Run("train", "FrozenLake-v1", "--envs", "2", "--episodes", "20", "--out", tmp.Path).ExitCode);
        var r = CliRun.Run("train", "--resume", tmp.Path, "--envs", "3", "--episodes", "40");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("copies", r.Error);
    }

    [Fact]
    public void Resuming_to_fewer_episodes_than_the_run_has_is_refused_and_keeps_the_config()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliRun.Run("train", "CliffWalking-v1", "--episodes", "30", "--out", tmp.Path).ExitCode);
        var config = File.ReadAllText(Path.Combine(tmp.Path, "config.json"));
        var r = CliRun.Run("train", "--resume", tmp.Path, "--episodes", "10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("already has 30 episodes", r.Error);
        Assert.Equal(config, File.ReadAllText(Path.Combine(tmp.Path, "config.json")));
    }

    [Fact]
    public void Compare_with_a_step_budget_gives_every_agent_the_same_environment_steps_up_to_one_vector_step()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("compare", "FrozenLake-v1", "--agents", "q-learning,sarsa", "--seeds", "2", "--steps", "3000",
            "--envs", "3", "--out", tmp.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(3000, root.GetProperty("steps").GetInt64());
        // With three copies a run ends at the first vector step at or past the budget: at most two steps over.
        foreach (var a in root.GetProperty("agents").EnumerateArray())
            Assert.All(a.GetProperty("env_steps").EnumerateArray(), v => Assert.InRange(v.GetInt64(), 3000, 3002));
    }

    [Fact]
    public void Compare_applies_wrappers_to_every_agent()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("compare", "CartPole-v1", "--agents", "q-learning,sarsa", "--seeds", "2", "--episodes", "5",
            "--wrap", "discretize:bins=6,low=-2.4;-3;-0.21;-3.5,high=2.4;3;0.21;3.5", "--out", tmp.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
    }

    [Fact]
    public void Eval_best_evaluates_the_agent_of_the_best_evaluation()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliRun.Run("train", "FrozenLake-v1", "--episodes", "300", "--eval-every", "50", "--out", tmp.Path).ExitCode);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "best-agent.bin")));
        var r = CliRun.Run("eval", tmp.Path, "--best", "--episodes", "20", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
    }

    [Fact]
    public void Eval_best_of_a_run_that_never_evaluated_says_how_to_get_one()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliRun.Run("train", "FrozenLake-v1", "--episodes", "20", "--out", tmp.Path).ExitCode);
        var r = CliRun.Run("eval", tmp.Path, "--best");
        Assert.Contains("--eval-every", StderrAssert.OneErrorLine(r));
    }

    [Fact]
    public void Eval_of_a_run_killed_before_it_wrote_its_agent_uses_the_checkpoints_agent()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliRun.Run("train", "FrozenLake-v1", "--episodes", "50", "--out", tmp.Path).ExitCode);
        File.Delete(Path.Combine(tmp.Path, "agent.bin"));
        var r = CliRun.Run("eval", tmp.Path, "--episodes", "10");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("last checkpoint", r.Error);
    }
}
