using RlGym.Training.Comparisons;
using RlGym.Training.Metrics;
using ScottPlot;

namespace RlGym.Training.Plots;

/// <summary>
/// Learning curves as PNG files (ScottPlot): one run's returns with their moving average, or a comparison's mean
/// curve per agent inside its 95% confidence band over seeds.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Default image size in pixels.</summary>
    public const int Width = 900, Height = 540;

    /// <summary>
    /// One run: every episode's return (faint), the trailing moving average over <paramref name="movingAverage"/>
    /// episodes, and the greedy evaluation returns as dots when the run evaluated.
    /// </summary>
    public static void Write(IReadOnlyList<EpisodeMetrics> rows, string path, int movingAverage = 100, string? title = null)
    {
        var plot = new Plot();
        var xs = rows.Select(r => (double)(r.Episode + 1)).ToArray();
        var returns = rows.Select(r => r.Return).ToArray();
        if (xs.Length > 0)
        {
            var raw = plot.Add.ScatterLine(xs, returns);
            raw.Color = Colors.Gray.WithAlpha(0.35);
            raw.LineWidth = 1;
            raw.LegendText = "return";
            var avg = plot.Add.ScatterLine(xs, Statistics.MovingAverage(returns, movingAverage));
            avg.Color = Colors.Blue;
            avg.LineWidth = 2;
            avg.LegendText = $"moving average ({movingAverage})";
            var evals = rows.Where(r => r.EvalReturn.HasValue).ToArray();
            if (evals.Length > 0)
            {
                var dots = plot.Add.ScatterPoints(evals.Select(r => (double)(r.Episode + 1)).ToArray(), evals.Select(r => r.EvalReturn!.Value).ToArray());
                dots.Color = Colors.OrangeRed;
                dots.MarkerSize = 6;
                dots.LegendText = "greedy evaluation";
            }
        }
        Finish(plot, title ?? "Learning curve", "episode", "return", path);
    }

    /// <summary>
    /// A comparison: per agent, the mean return per episode over seeds inside its confidence band. Each seed's
    /// returns are first smoothed by a trailing moving average of <paramref name="smoothing"/> episodes (default: a
    /// fiftieth of the run, at least 1), as single episodes are too noisy to read.
    /// </summary>
    public static void Write(ComparisonResult comparison, string path, string? title = null, int? smoothing = null)
    {
        var plot = new Plot();
        int colour = 0;
        int episodes = comparison.Agents.Count == 0 ? 0 : comparison.Agents.Min(a => a.MeanCurve.Length);
        int window = smoothing ?? Math.Max(1, episodes / 50);
        foreach (var agent in comparison.Agents)
        {
            var color = plot.Add.Palette.GetColor(colour++);
            var (mean, half) = Comparison.Curve(agent.ReturnsPerSeed, window, comparison.Confidence);
            var xs = Enumerable.Range(1, mean.Length).Select(i => (double)i).ToArray();
            AddBand(plot, xs, mean, half, color, agent.Label);
        }
        string smoothed = window > 1 ? $", moving average of {window}" : "";
        Finish(plot, title ?? $"Mean return over {comparison.Seeds.Count} seeds ({comparison.Confidence * 100:0}% CI{smoothed})", "episode", "return", path);
    }

    /// <summary>Adds a line and, where the half-widths are finite, a translucent band mean ± half-width.</summary>
    internal static void AddBand(Plot plot, double[] xs, double[] mean, double[]? halfWidth, Color color, string label)
    {
        if (xs.Length == 0) return;
        if (halfWidth is not null && halfWidth.All(double.IsFinite))
        {
            var low = mean.Select((m, i) => m - halfWidth[i]).ToArray();
            var high = mean.Select((m, i) => m + halfWidth[i]).ToArray();
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = color.WithAlpha(0.25);
            band.LineWidth = 0;
        }
        var line = plot.Add.ScatterLine(xs, mean);
        line.Color = color;
        line.LineWidth = 2;
        line.LegendText = label;
    }

    internal static void Finish(Plot plot, string title, string xLabel, string yLabel, string path)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.LowerRight);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        plot.SavePng(path, Width, Height);
    }
}
