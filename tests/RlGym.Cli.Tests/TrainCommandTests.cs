using System.Text.Json;
using Microsoft.Extensions.Configuration;
using RlGym.Cli.Runs;
using RlGym.Training.Runs;

namespace RlGym.Cli.Tests;

public sealed class TrainCommandTests
{
    private static CliRun.Result Train(string dir, params string[] more) =>
        CliRun.Run(["train", "Corridor-v0", "--agent", "test-q", "--out", dir, .. more, .. more.Contains("--episodes") ? Array.Empty<string>() : ["--episodes", "40"]]);

    [Fact]
    public void Train_writes_config_metrics_agent_and_learning_curve()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        var r = Train(run, "--set", "alpha=0.3", "-o", "length=4", "--seed", "7");
        Assert.True(r.ExitCode == 0, r.Error);

        var config = RunConfig.Load(Path.Combine(run, "config.json"));
        Assert.Equal("Corridor-v0", config.Env);
        Assert.Equal("test-q", config.Agent);
        Assert.Equal(40, config.Episodes);
        Assert.Equal(7, config.Seed);
        Assert.Equal("0.3", config.Settings["alpha"]);
        Assert.Equal("4", config.EnvOptions["length"]);
        Assert.Contains(CliRun.TestPlugin, config.Plugins);

        var metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.Equal(41, metrics.Length);
        Assert.StartsWith("episode,total_steps,return", metrics[0]);
        Assert.True(File.Exists(Path.Combine(run, "agent.bin")));
        Assert.True(File.Exists(Path.Combine(run, "learning-curve.png")));
        Assert.Contains("trained test-q on Corridor-v0: 40 episodes", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Train_refuses_a_directory_holding_a_run_unless_forced()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Assert.Equal(0, Train(run).ExitCode);
        var configBefore = File.ReadAllText(Path.Combine(run, "config.json"));

        var refused = Train(run, "--seed", "3");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("rlgym: "));
        Assert.Equal(configBefore, File.ReadAllText(Path.Combine(run, "config.json")));

        var forced = Train(run, "--seed", "3", "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal(3, RunConfig.Load(Path.Combine(run, "config.json")).Seed);
    }

    [Fact]
    public void Same_seed_gives_the_same_metrics_apart_from_wall_time()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, Train(tmp.File("a"), "--seed", "5").ExitCode);
        Assert.Equal(0, Train(tmp.File("b"), "--seed", "5").ExitCode);
        static IEnumerable<string> WithoutWall(string path) =>
            File.ReadAllLines(path).Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 5)));
        Assert.Equal(WithoutWall(tmp.File("a/metrics.csv")), WithoutWall(tmp.File("b/metrics.csv")));
    }

    [Fact]
    public void Agent_that_cannot_handle_the_spaces_is_refused_with_its_reason()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "Drift-v0", "--agent", "test-q", "--out", tmp.File("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("need Discrete observations", r.Error);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Theory]
    [InlineData("--set", "alpha=2")]
    [InlineData("--set", "alhpa=0.1")]
    [InlineData("--agent", "q-lerning")]
    [InlineData("--wrap", "no-such-wrapper")]
    public void Bad_run_arguments_exit_2_before_writing_anything(string option, string value)
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "Corridor-v0", "--agent", "test-q", option, value, "--out", tmp.File("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Fact]
    public void Config_file_is_overridden_by_the_command_line()
    {
        using var tmp = new TempDirectory();
        var first = tmp.File("first");
        Assert.Equal(0, Train(first, "--set", "alpha=0.3", "--set", "gamma=0.8").ExitCode);
        var second = tmp.File("second");
        var r = CliRun.Run("train", "--config", Path.Combine(first, "config.json"), "--set", "alpha=0.1", "--episodes", "10", "--out", second);
        Assert.True(r.ExitCode == 0, r.Error);
        var config = RunConfig.Load(Path.Combine(second, "config.json"));
        Assert.Equal("Corridor-v0", config.Env);
        Assert.Equal("0.1", config.Settings["alpha"]);
        Assert.Equal("0.8", config.Settings["gamma"]);
        Assert.Equal(10, config.Episodes);
    }

    [Fact]
    public void Run_section_of_the_configuration_overrides_the_file_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Run:SEED"] = "11",
            ["Run:STEPS"] = "500",
            ["Run:SETTINGS:ALPHA"] = "0.05",
            ["Run:env_options:length"] = "6",
        }).Build();
        var config = new RunConfig { Env = "Corridor-v0", Agent = "test-q", Episodes = 10 };
        RunConfigSources.Apply(configuration, config);
        Assert.Equal(11, config.Seed);
        Assert.Equal(500, config.Steps);
        Assert.Null(config.Episodes);
        Assert.Equal("0.05", config.Settings["alpha"]);
        Assert.Equal("6", config.EnvOptions["length"]);
    }

    [Fact]
    public void Unknown_key_in_the_run_section_exits_with_the_allowed_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Run:EPISODS"] = "3" }).Build();
        var e = Assert.Throws<Core.Errors.UserInputException>(() => RunConfigSources.Apply(configuration, new RunConfig()));
        Assert.Contains("allowed: env", e.Message);
    }

    [Fact]
    public void Resume_trains_up_to_the_extended_budget()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Assert.Equal(0, Train(run).ExitCode);
        var r = CliRun.Run("train", "--resume", run, "--episodes", "60");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(61, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);
        Assert.Equal(60, RunConfig.Load(Path.Combine(run, "config.json")).Episodes);
    }

    [Fact]
    public void Eval_json_reports_episodes_mean_std_and_success_rate()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Assert.Equal(0, Train(run, "--episodes", "200").ExitCode);
        var r = CliRun.Run("eval", run, "--episodes", "20", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(["episodes", "mean_return", "std_return", "success_rate"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(20, root.GetProperty("episodes").GetInt32());
        // 200 episodes of Q-learning on a deterministic 5-cell corridor learn the greedy walk to the goal.
        Assert.Equal(1.0, root.GetProperty("mean_return").GetDouble());
        Assert.Equal(0.0, root.GetProperty("std_return").GetDouble());
        Assert.Equal(1.0, root.GetProperty("success_rate").GetDouble());
    }

    [Fact]
    public void Eval_of_a_directory_without_a_run_exits_2()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("eval", tmp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("config.json", r.Error);
    }

    [Fact]
    public async Task Eval_loads_the_plugins_recorded_in_the_run()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Assert.Equal(0, Train(run).ExitCode);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RlGymApp.RunAsync(["eval", run, "--episodes", "3"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("Corridor-v0 / test-q", stdout.ToString());
    }

    [Fact]
    public void An_environment_that_throws_stops_training_with_exit_1_and_one_line()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("train", "Broken-v0", "--agent", "test-q", "--episodes", "3", "--out", tmp.File("run"));
        Assert.Equal(1, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("rlgym: ")).ToArray();
        Assert.Single(lines);
        Assert.Contains("Broken-v0", lines[0]);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void Record_writes_png_frames_of_the_scheduled_episodes()
    {
        using var tmp = new TempDirectory();
        var r = Train(tmp.File("run"), "--episodes", "3", "--record", tmp.File("frames"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.NotEmpty(Directory.GetFiles(tmp.File("frames"), "frame_*.png"));
    }

    [Fact]
    public void A_mosaic_records_frames_of_a_vector_run()
    {
        using var tmp = new TempDirectory();
        var r = Train(tmp.File("run"), "--episodes", "6", "--envs", "3", "--mosaic", "3", "--record", tmp.File("frames"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.NotEmpty(Directory.GetFiles(tmp.File("frames"), "frame_*.png"));
    }

    [Fact]
    public void Unsupported_record_format_exits_2_before_writing_anything()
    {
        using var tmp = new TempDirectory();
        var r = Train(tmp.File("run"), "--record", tmp.File("video.avi"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(".mp4", r.Error);
        Assert.False(Directory.Exists(tmp.File("run")));
    }
}
