using RlGym.Training.Runs;

namespace RlGym.Cli.Tests;

/// <summary>
/// <c>hidden_sizes=</c> (empty) is a network without hidden layers, a linear one; a null setting in a configuration
/// file keeps the default.
/// </summary>
public sealed class NetworkSettingsTests
{
    [Theory]
    [InlineData("reinforce", "--episodes", "2")]
    [InlineData("a2c", "--steps", "64")]
    [InlineData("dqn", "--steps", "100")]
    public void Empty_hidden_sizes_train_a_linear_network_that_saves_and_evaluates(string agent, string budget, string amount)
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "CartPole-v1", "--agent", agent, budget, amount, "--set", "hidden_sizes=", "--out", tmp.File("run"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("", RunConfig.Load(tmp.File("run/config.json")).Settings["hidden_sizes"]);
        var eval = CliRun.Run("eval", tmp.File("run"), "--episodes", "2");
        Assert.True(eval.ExitCode == 0, eval.Error);
    }

    [Fact]
    public void A_null_setting_in_a_configuration_file_keeps_the_default()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("run.json"),
            """{"env": "CartPole-v1", "agent": "reinforce", "episodes": 2, "settings": {"hidden_sizes": null, "beta": null}, "wrappers": null}""");
        var r = CliRun.Run("train", "--config", tmp.File("run.json"), "--out", tmp.File("run"));
        Assert.True(r.ExitCode == 0, r.Error);
        var config = RunConfig.Load(tmp.File("run/config.json"));
        Assert.Empty(config.Settings);
        Assert.Empty(config.Wrappers);
    }
}
