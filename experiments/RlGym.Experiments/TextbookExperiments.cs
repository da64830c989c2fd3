using RlGym.Experiments.Textbook;
using RlGym.Training.Experiments;
using RlGym.Training.Plots;

namespace RlGym.Experiments;

/// <summary>
/// The Sutton &amp; Barto reproductions, for <c>rlgym experiment NAME</c>: cliff-walking (Fig. 6.4),
/// maximization-bias (Fig. 6.5), windy-gridworld (Example 6.5), random-walk (Fig. 7.2) and frozen-lake.
/// </summary>
public sealed class TextbookExperiments
{
    /// <summary>Every experiment of the package, in the book's order.</summary>
    public static IReadOnlyList<TextbookExperiment> All { get; } =
    [
        new WindyGridworldExperiment(),
        new CliffWalkingExperiment(),
        new MaximizationBiasExperiment(),
        new RandomWalkExperiment(),
        new FrozenLakeExperiment(),
    ];

    /// <summary>Registers every experiment into <paramref name="registry"/>.</summary>
    public static ExperimentRegistry Register(ExperimentRegistry registry)
    {
        foreach (var e in All) registry.Register(e);
        return registry;
    }

    /// <summary>
    /// Draws <paramref name="result"/> to a PNG with Training's plot writer, with the axis labels of the book's figure
    /// when the result comes from one of these experiments.
    /// </summary>
    public static void WritePlot(ExperimentResult result, string path)
    {
        var experiment = All.FirstOrDefault(e => e.Name == result.Name);
        if (experiment is null) ExperimentPlot.Write(result, path);
        else ExperimentPlot.Write(result, path, experiment.XLabel, experiment.YLabel, experiment.YLimits);
    }
}
