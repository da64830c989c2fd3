using RlGym.Training.Experiments;

namespace RlGym.Experiments.Tests;

public sealed class PackageTests
{
    [Fact]
    public void The_package_registers_the_five_textbook_experiments_by_their_cli_names()
    {
        var registry = TextbookExperiments.Register(new ExperimentRegistry());
        Assert.Equal(["cliff-walking", "frozen-lake", "maximization-bias", "random-walk", "windy-gridworld"],
            registry.Experiments.Select(e => e.Name));
        Assert.All(registry.Experiments, e => Assert.Contains(e.Name == "frozen-lake" ? "FrozenLake" : "Sutton & Barto", e.Description));
    }

    [Fact]
    public void A_result_round_trips_through_the_json_shape_and_is_drawn_with_the_books_axes()
    {
        var r = TextbookExperiments.All.Single(e => e.Name == "windy-gridworld").Run([3], new ExperimentOptions
        {
            MaxParallelism = 1, Settings = new Dictionary<string, string> { ["steps"] = "500" },
        });
        var json = r.ToJson();
        Assert.Contains("\"experiment\": \"windy-gridworld\"", json);
        Assert.Contains("\"label\": \"Sarsa\"", json);
        var back = ExperimentResult.FromJson(json);
        Assert.Equal(r.Series[0].Y, back.Series[0].Y);
        string path = Path.Combine(Path.GetTempPath(), $"rlgym-windy-{Guid.NewGuid():N}.png");
        try
        {
            TextbookExperiments.WritePlot(r, path);
            Assert.True(new FileInfo(path).Length > 1_000);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_setting_the_experiment_does_not_have_is_a_user_error_naming_the_allowed_ones()
    {
        var e = Assert.Throws<Core.Errors.UserInputException>(() => TextbookExperiments.All[0].Run([0],
            new ExperimentOptions { Settings = new Dictionary<string, string> { ["gamma"] = "0.9" } }));
        Assert.Contains("runs_per_seed", e.Message);
    }

    [Fact]
    public void Results_do_not_depend_on_how_many_runs_go_at_once()
    {
        var settings = new RlGym.Experiments.Textbook.CliffWalkingSettings { RunsPerSeed = 3 };
        var serial = RlGym.Experiments.Textbook.CliffWalkingExperiment.Measure([4, 5], 40, settings, parallelism: 1);
        var parallel = RlGym.Experiments.Textbook.CliffWalkingExperiment.Measure([4, 5], 40, settings, parallelism: 4);
        Assert.Equal(serial.Sarsa, parallel.Sarsa);
        Assert.Equal(serial.QLearning, parallel.QLearning);
        Assert.NotEqual(serial.Sarsa, RlGym.Experiments.Textbook.CliffWalkingExperiment.Measure([6, 7], 40, settings).Sarsa);
    }
}
