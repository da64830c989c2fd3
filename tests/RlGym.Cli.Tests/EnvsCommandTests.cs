using System.Text.Json;

namespace RlGym.Cli.Tests;

public sealed class EnvsCommandTests
{
    [Fact]
    public void Envs_lists_every_registered_id_with_its_spaces()
    {
        var r = CliRun.Run("envs");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Corridor-v0", r.Out);
        Assert.Contains("Drift-v0", r.Out);
        Assert.Contains("Discrete(5)", r.Out);
        Assert.Contains("Box(-inf, inf, (2,), float32)", r.Out);
    }

    [Fact]
    public void Envs_json_gives_spaces_time_limit_and_threshold()
    {
        var r = CliRun.Run("envs", "--json");
        Assert.Equal(0, r.ExitCode);
        var corridor = JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "Corridor-v0");
        Assert.Equal("Discrete(5)", corridor.GetProperty("observation_space").GetString());
        Assert.Equal("Discrete(2)", corridor.GetProperty("action_space").GetString());
        Assert.Equal(20, corridor.GetProperty("max_episode_steps").GetInt32());
        Assert.Equal(0.9, corridor.GetProperty("reward_threshold").GetDouble());
    }
}
