using System.Text.Json;
using RlGym.Core.Errors;
using RlGym.Training.Experiments;
using RlGym.Training.Plots;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class ExperimentTests
{
    private static ExperimentResult Sample() => new("cliff-walking-sarsa-vs-q",
        [new ExperimentSeries("sarsa", [1, 2, 3], [-30, -25.5, -24]), new ExperimentSeries("q-learning", [1, 2, 3], [-60, -52, -50.25])],
        "S&B Example 6.6: Sarsa about -25, Q-learning about -50 per episode");

    [Fact]
    public void The_result_json_has_the_agreed_shape()
    {
        using var doc = JsonDocument.Parse(Sample().ToJson());
        var root = doc.RootElement;
        Assert.Equal("cliff-walking-sarsa-vs-q", root.GetProperty("experiment").GetString());
        var series = root.GetProperty("series");
        Assert.Equal(2, series.GetArrayLength());
        Assert.Equal("sarsa", series[0].GetProperty("label").GetString());
        Assert.Equal(-25.5, series[0].GetProperty("y")[1].GetDouble());
        Assert.Equal(3, series[1].GetProperty("x").GetArrayLength());
        Assert.StartsWith("S&B", root.GetProperty("notes").GetString());
    }

    [Fact]
    public void A_result_round_trips_through_its_file()
    {
        using var dir = new TempDirectory();
        Sample().Save(dir.File("r.json"));
        var back = ExperimentResult.Load(dir.File("r.json"));
        Assert.Equal(Sample().Name, back.Name);
        Assert.Equal(Sample().Series[1].Y, back.Series[1].Y);
        Assert.Equal(Sample().Notes, back.Notes);
        ExperimentPlot.Write(back, dir.File("r.png"));
        Assert.True(new FileInfo(dir.File("r.png")).Length > 1000);
    }

    [Fact]
    public void The_registry_lists_known_names_for_an_unknown_one()
    {
        var registry = new ExperimentRegistry().Register(new Constant("b")).Register(new Constant("a"));
        Assert.Equal(["a", "b"], registry.Experiments.Select(e => e.Name));
        Assert.Contains("allowed: a, b", Assert.Throws<UserInputException>(() => registry.Get("c")).Message);
        Assert.Equal(2.0, registry.Get("b").Run([1, 2], new ExperimentOptions()).Series[0].Y[0]);
    }

    private sealed class Constant(string name) : IExperiment
    {
        public string Name => name;
        public string Description => "a constant per seed";
        public ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default) =>
            new(name, [new ExperimentSeries("seeds", [0], [seeds.Count])]);
    }
}
