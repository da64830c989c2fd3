using RlGym.Core.Errors;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class RunConfigTests
{
    private static RunConfig Valid() => new()
    {
        Env = "FrozenLake-v1",
        EnvOptions = new() { ["is_slippery"] = "false" },
        Wrappers = ["one-hot"],
        Agent = "q-learning",
        Settings = new() { ["alpha"] = "0.5" },
        Episodes = 2000,
        Seed = 42,
        EvalEvery = 100,
        CheckpointEvery = 250,
    };

    [Fact]
    public void The_json_uses_snake_case_keys_and_round_trips()
    {
        var json = Valid().ToJson();
        Assert.Contains("\"env_options\"", json);
        Assert.Contains("\"eval_every\": 100", json);
        Assert.Contains("\"checkpoint_every\": 250", json);
        Assert.Contains("\"max_episode_steps\": null", json);
        var back = RunConfig.FromJson(json);
        Assert.Equal(Valid().ToJson(), back.ToJson());
        Assert.Equal("false", back.EnvOptions["is_slippery"]);
    }

    [Fact]
    public void An_unknown_key_is_refused_naming_it_and_the_allowed_keys()
    {
        var e = Assert.Throws<UserInputException>(() => RunConfig.FromJson("{\"env\": \"CartPole-v1\", \"epsiodes\": 3}", "my.json"));
        Assert.Contains("'my.json'", e.Message);
        Assert.Contains("epsiodes", e.Message);
        Assert.Contains("episodes", e.Message);
    }

    [Theory]
    [InlineData("{\"episodes\": \"many\"}", "key 'episodes' has a value of the wrong kind; allowed: an integer")]
    [InlineData("{\"settings\": {\"alpha\": 0.5}}", "key 'settings' has a value of the wrong kind; allowed: an object whose values are strings")]
    [InlineData("{\"env\": ", "'c.json'")]
    public void A_value_of_the_wrong_kind_names_the_key_and_the_kind(string json, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => RunConfig.FromJson(json, "c.json"));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("episodes", "config episodes=0")]
    [InlineData("eval_every", "config eval_every=-1")]
    [InlineData("both", "config steps=100")]
    [InlineData("none", "config episodes=")]
    [InlineData("env", "config env=")]
    public void Validation_names_the_key_the_value_and_what_is_allowed(string broken, string expected)
    {
        var c = Valid();
        switch (broken)
        {
            case "episodes": c.Episodes = 0; break;
            case "eval_every": c.EvalEvery = -1; break;
            case "both": c.Steps = 100; break;
            case "none": c.Episodes = null; break;
            case "env": c.Env = ""; break;
        }
        var e = Assert.Throws<UserInputException>(c.Validate);
        Assert.StartsWith(expected, e.Message);
        Assert.Contains("allowed:", e.Message);
    }

    [Fact]
    public void A_run_directory_writes_and_reads_its_config()
    {
        using var dir = new TempDirectory();
        var run = new RunDirectory(dir.Path);
        run.WriteConfig(Valid());
        Assert.Equal(Valid().ToJson(), run.ReadConfig().ToJson());
        Assert.Contains("is not a run directory", Assert.Throws<UserInputException>(() => new RunDirectory(dir.File("nothing")).ReadConfig()).Message);
    }

    [Fact]
    public void Trainer_options_follow_the_config()
    {
        using var dir = new TempDirectory();
        var o = TrainerOptions.FromConfig(Valid(), new RunDirectory(dir.Path), () => new RandomWalkEnv());
        Assert.Equal(42, o.Seed);
        Assert.Equal(2000, o.Episodes);
        Assert.Equal(100, o.EvalEvery);
        Assert.Equal(250, o.CheckpointEvery);
        Assert.Equal("FrozenLake-v1", o.EnvId);
    }
}
