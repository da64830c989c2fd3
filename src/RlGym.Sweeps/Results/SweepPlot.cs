using System.Globalization;
using ScottPlot;

namespace RlGym.Sweeps.Results;

/// <summary>
/// Final return against each swept setting, one PNG per setting (<c>final-return-&lt;setting&gt;.png</c>; with nothing
/// swept, <c>final-return-agent.png</c>): a dot per trial and a cross per configuration's mean over seeds, a colour per
/// agent. Numeric settings get a numeric axis (logarithmic for log-uniform draws); others are placed in file order.
/// </summary>
public static class SweepPlot
{
    /// <summary>Writes the plots into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepResult result, string directory)
    {
        var file = result.Plan.File;
        var keys = file.SweptKeys;
        var paths = new List<string>();
        if (keys.Count == 0)
        {
            paths.Add(WriteOne(result, directory, "agent", c => c.Agent, logarithmic: false));
            return paths;
        }
        foreach (var key in keys)
        {
            bool log = file.Random.Any(r => r.Key == key && r.Value.Logarithmic);
            paths.Add(WriteOne(result, directory, key, c => c.Settings.First(p => p.Key == key).Value, log));
        }
        return paths;
    }

    private static string WriteOne(SweepResult result, string directory, string key, Func<Planning.TrialConfiguration, string> valueOf, bool logarithmic)
    {
        var texts = result.Configurations.Select(s => valueOf(s.Configuration)).Distinct().ToList();
        bool numeric = texts.All(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        logarithmic &= numeric && texts.All(t => double.Parse(t, CultureInfo.InvariantCulture) > 0);
        double X(string text) => numeric
            ? (logarithmic ? Math.Log10(double.Parse(text, CultureInfo.InvariantCulture)) : double.Parse(text, CultureInfo.InvariantCulture))
            : texts.IndexOf(text);

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var agent in result.Plan.File.Agents)
        {
            var color = palette.GetColor(colour++);
            var trials = result.Trials.Where(t => t.Configuration.Agent == agent && t.Status == "done").ToList();
            if (trials.Count > 0)
            {
                var dots = plot.Add.ScatterPoints(trials.Select(t => X(valueOf(t.Configuration))).ToArray(), trials.Select(t => t.Outcome.FinalReturn).ToArray());
                dots.Color = color.WithAlpha(0.45);
                dots.MarkerSize = 5;
                dots.LegendText = $"{agent} (trials)";
            }
            var means = result.Configurations.Where(s => s.Configuration.Agent == agent && s.Rung == result.Plan.Rungs - 1).ToList();
            if (means.Count > 0)
            {
                var crosses = plot.Add.ScatterPoints(means.Select(s => X(valueOf(s.Configuration))).ToArray(), means.Select(s => s.FinalReturn.Mean).ToArray());
                crosses.Color = color;
                crosses.MarkerShape = MarkerShape.Cross;
                crosses.MarkerSize = 11;
                crosses.LegendText = $"{agent} (mean over seeds)";
            }
        }
        if (!numeric)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. texts.Select((t, i) => (double)i)], [.. texts]);
        else if (logarithmic)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture) };
        string budget = result.Plan.File.Episodes is { } e ? $"{e} episodes" : $"{result.Plan.File.Steps} steps";
        plot.Title($"{result.Plan.File.Env}: final return against {key} ({budget}, {result.Plan.File.Seeds.Count} seeds)");
        plot.XLabel(logarithmic ? $"{key} (log scale)" : key);
        plot.YLabel("final return (mean of the last 10% of episodes)");
        plot.ShowLegend(Alignment.LowerRight);
        Directory.CreateDirectory(directory);
        string safe = string.Concat(key.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
        string path = Path.Combine(directory, $"final-return-{safe}.png");
        RlGym.Training.Plots.PlotPng.Save(plot, path, 900, 540);
        return path;
    }
}
