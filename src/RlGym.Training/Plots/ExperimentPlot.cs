using RlGym.Training.Experiments;
using ScottPlot;

namespace RlGym.Training.Plots;

/// <summary>Draws an experiment's series as lines on one PNG, titled with the experiment's name.</summary>
public static class ExperimentPlot
{
    /// <summary>Writes the plot; <paramref name="xLabel"/> and <paramref name="yLabel"/> name the axes, <paramref name="yLimits"/> crops y as the book does.</summary>
    public static void Write(ExperimentResult result, string path, string xLabel = "episode", string yLabel = "return",
        (double Low, double High)? yLimits = null)
    {
        var plot = new Plot();
        int colour = 0;
        foreach (var s in result.Series)
            LearningCurvePlot.AddBand(plot, s.X, s.Y, null, plot.Add.Palette.GetColor(colour++), s.Label);
        // The book crops some figures (Figure 6.4 shows −100 to 0), so the interesting part is not squashed by the first episodes.
        if (yLimits is { } y) plot.Axes.SetLimitsY(y.Low, y.High);
        LearningCurvePlot.Finish(plot, result.Name, xLabel, yLabel, path);
    }
}
