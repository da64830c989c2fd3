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

    /// <summary>Most points drawn per curve; longer runs are drawn per bucket of episodes.</summary>
    public const int MaxPoints = 2000;

    /// <summary>
    /// One run: every episode's return (faint), the trailing moving average over <paramref name="movingAverage"/>
    /// episodes, and the greedy evaluation returns as dots when the run evaluated. The rows are read once, in order,
    /// and never held: past <see cref="MaxPoints"/> episodes the returns are drawn as a min–max band per bucket of
    /// episodes, so memory stays flat however long the run was.
    /// </summary>
    public static void Write(IEnumerable<EpisodeMetrics> rows, string path, int movingAverage = 100, string? title = null)
    {
        var curve = new BucketedCurve(Math.Max(1, movingAverage));
        var evalX = new List<double>();
        var evalY = new List<double>();
        foreach (var r in rows)
        {
            curve.Add(r.Episode + 1, r.Return);
            if (r.EvalReturn is { } e)
            {
                evalX.Add(r.Episode + 1);
                evalY.Add(e);
            }
        }

        curve.Flush();

        var plot = new Plot();
        if (curve.Count > 0)
        {
            var xs = curve.X.ToArray();
            if (curve.BucketSize == 1)
            {
                var raw = plot.Add.ScatterLine(xs, curve.Min.ToArray());
                raw.Color = Colors.Gray.WithAlpha(0.35);
                raw.LineWidth = 1;
                raw.LegendText = "return";
            }
            else
            {
                var band = plot.Add.FillY(xs, curve.Min.ToArray(), curve.Max.ToArray());
                band.FillColor = Colors.Gray.WithAlpha(0.35);
                band.LineWidth = 0;
                band.LegendText = $"return (min to max per {curve.BucketSize} episodes)";
            }
            var avg = plot.Add.ScatterLine(xs, curve.Average.ToArray());
            avg.Color = Colors.Blue;
            avg.LineWidth = 2;
            avg.LegendText = $"moving average ({movingAverage})";
            if (evalX.Count > 0)
            {
                var dots = plot.Add.ScatterPoints(evalX.ToArray(), evalY.ToArray());
                dots.Color = Colors.OrangeRed;
                dots.MarkerSize = 6;
                dots.LegendText = "greedy evaluation";
            }
        }
        Finish(plot, title ?? "Learning curve", "episode", "return", path);
    }

    /// <summary>
    /// A learning curve reduced on the fly to at most <see cref="MaxPoints"/> buckets: each keeps its last episode,
    /// the min and max return inside it, and the moving average at its end. When the buckets fill, neighbours merge
    /// and the bucket size doubles.
    /// </summary>
    private sealed class BucketedCurve(int window)
    {
        private readonly double[] _recent = new double[window];
        private double _sum;
        private long _seen;
        private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
        private int _inBucket;
        private double _lastX;

        public List<double> X { get; } = [];
        public List<double> Min { get; } = [];
        public List<double> Max { get; } = [];
        public List<double> Average { get; } = [];
        public int BucketSize { get; private set; } = 1;
        public int Count => X.Count;

        public void Add(double x, double value)
        {
            int slot = (int)(_seen % window);
            if (_seen >= window) _sum -= _recent[slot];
            _recent[slot] = value;
            _sum += value;
            _seen++;
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            _lastX = x;
            if (++_inBucket < BucketSize) return;
            Flush();
            if (X.Count >= 2 * MaxPoints) Halve();
        }

        /// <summary>Closes the current bucket, full or not.</summary>
        public void Flush()
        {
            if (_inBucket == 0) return;
            X.Add(_lastX);
            Min.Add(_min);
            Max.Add(_max);
            Average.Add(_sum / Math.Min(_seen, window));
            (_min, _max, _inBucket) = (double.PositiveInfinity, double.NegativeInfinity, 0);
        }

        private void Halve()
        {
            for (int i = 0; i < X.Count / 2; i++)
            {
                X[i] = X[2 * i + 1];
                Min[i] = Math.Min(Min[2 * i], Min[2 * i + 1]);
                Max[i] = Math.Max(Max[2 * i], Max[2 * i + 1]);
                Average[i] = Average[2 * i + 1];
            }
            int half = X.Count / 2;
            foreach (var list in new[] { X, Min, Max, Average }) list.RemoveRange(half, list.Count - half);
            BucketSize *= 2;
        }
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
