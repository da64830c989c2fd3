using System.Text.Json;

namespace RlGym.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public void Compare_json_gives_intervals_and_mean_curves_per_agent()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("compare", "Corridor-v0", "--agents", "test-q,test-random", "--seeds", "3", "--episodes", "30",
            "--set", "test-q.alpha=0.4", "--out", tmp.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(["env", "episodes", "seeds", "agents"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Corridor-v0", root.GetProperty("env").GetString());
        Assert.Equal(30, root.GetProperty("episodes").GetInt32());
        Assert.Equal(3, root.GetProperty("seeds").GetInt32());
        var agents = root.GetProperty("agents").EnumerateArray().ToArray();
        Assert.Equal(["test-q", "test-random"], agents.Select(a => a.GetProperty("name").GetString()));
        foreach (var a in agents)
        {
            Assert.Equal(["name", "env_steps", "final_return", "auc", "mean_curve"], a.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["mean", "ci95"], a.GetProperty("final_return").EnumerateObject().Select(p => p.Name));
            Assert.Equal(["mean", "ci95"], a.GetProperty("auc").EnumerateObject().Select(p => p.Name));
            Assert.Equal(30, a.GetProperty("mean_curve").GetArrayLength());
        }
        Assert.True(File.Exists(Path.Combine(tmp.Path, "learning-curves.png")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "summary.csv")));
    }

    [Fact]
    public void Compare_refuses_a_setting_no_compared_agent_has()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("compare", "Corridor-v0", "--agents", "test-q,test-random", "--set", "beta=1", "--out", tmp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("beta", r.Error);
    }

    [Fact]
    public void Compare_refuses_an_agent_that_cannot_handle_the_environment()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("compare", "Drift-v0", "--agents", "test-q", "--out", tmp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("need Discrete observations", r.Error);
    }
}
