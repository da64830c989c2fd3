using System.Text.Json;

namespace RlGym.Cli.Tests;

public sealed class BenchAndExperimentTests
{
    [Fact]
    public void Experiment_lists_the_textbook_reproductions()
    {
        var r = CliRun.Run("experiment");
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var name in new[] { "cliff-walking", "maximization-bias", "windy-gridworld", "random-walk" })
            Assert.Contains(name, r.Out);
    }

    [Fact]
    public void Experiment_runs_the_random_walk_and_writes_its_json_and_plot()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("experiment", "random-walk", "--seeds", "2", "--episodes", "2", "--out", tmp.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("random-walk", JsonDocument.Parse(r.Out).RootElement.GetProperty("experiment").GetString());
        Assert.True(File.Exists(tmp.File("experiment.json")));
        Assert.True(File.Exists(tmp.File("experiment.png")));
    }

    [Fact]
    public void Bench_refuses_an_unknown_environment_before_measuring()
    {
        var line = StderrAssert.OneErrorLine(CliRun.Run("bench", "Nope-v0"));
        Assert.Contains("Nope-v0", line);
    }

    [Fact]
    public void Bench_refuses_too_few_steps_naming_the_minimum()
    {
        var line = StderrAssert.OneErrorLine(CliRun.Run("bench", "Corridor-v0", "--steps", "10"));
        Assert.Contains("10000", line);
    }
}
