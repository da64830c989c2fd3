using RlGym.Serve.Runs;
using ScottPlot;

namespace RlGym.Serve.Charts;

/// <summary>The dashboard's charts, drawn by ScottPlot as SVG on the server (the pages only show them).</summary>
internal static class CurveChart
{
    public const int Width = 900, Height = 420;

    /// <summary>
    /// One run: every episode's return (a min-to-max band once episodes are bucketed), the trailing moving average,
    /// the greedy evaluations and the environment's reward threshold.
    /// </summary>
    public static string Run(CurvePoints p, string title, double? threshold)
    {
        var plot = new Plot();
        if (p.X.Length > 0)
        {
            if (p.BucketSize == 1)
            {
                var points = plot.Add.ScatterPoints(p.X, p.Min);
                points.Color = Colors.Gray.WithAlpha(0.5);
                points.MarkerSize = 3;
                points.LegendText = "return";
            }
            else
            {
                var band = plot.Add.FillY(p.X, p.Min, p.Max);
                band.FillColor = Colors.Gray.WithAlpha(0.35);
                band.LineWidth = 0;
                band.LegendText = $"return (min to max per {p.BucketSize} episodes)";
            }
            var average = plot.Add.ScatterLine(p.X, p.Average);
            average.Color = Colors.Blue;
            average.LineWidth = 2;
            average.LegendText = $"moving average ({p.Window})";
            if (p.EvalX.Length > 0)
            {
                var evals = plot.Add.ScatterPoints(p.EvalX, p.EvalY);
                evals.Color = Colors.OrangeRed;
                evals.MarkerSize = 7;
                evals.LegendText = "greedy evaluation";
            }
        }
        if (threshold is { } t && double.IsFinite(t))
        {
            var line = plot.Add.HorizontalLine(t);
            line.Color = Colors.Green;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"reward threshold ({t:G4})";
        }
        return Finish(plot, title);
    }

    /// <summary>Several runs grouped by configuration: each group's mean curve over seeds inside its confidence band.</summary>
    public static string Compare(IReadOnlyList<CompareGroup> groups, string title)
    {
        var plot = new Plot();
        int colour = 0;
        foreach (var g in groups)
        {
            var color = plot.Add.Palette.GetColor(colour++);
            if (g.X.Length == 0) continue;
            if (g.HalfWidth.All(double.IsFinite))
            {
                var band = plot.Add.FillY(g.X, g.Mean.Select((m, i) => m - g.HalfWidth[i]).ToArray(), g.Mean.Select((m, i) => m + g.HalfWidth[i]).ToArray());
                band.FillColor = color.WithAlpha(0.25);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(g.X, g.Mean);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = $"{g.Label} (n={g.Seeds})";
        }
        return Finish(plot, title);
    }

    private static string Finish(Plot plot, string title)
    {
        plot.Title(title);
        plot.XLabel("episode");
        plot.YLabel("return");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetSvgHtml(Width, Height);
    }
}

/// <summary>One curve of a comparison: a configuration's mean return over its seeds, with the band's half-width.</summary>
internal sealed record CompareGroup(string Label, int Seeds, double[] X, double[] Mean, double[] HalfWidth);
