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
    /// One run: every episode's return as a faint point, the rolling mean over a window the legend names
    /// (<paramref name="movingAverage"/> episodes, or a tenth of a shorter run so it is never a cumulative mean), the
    /// greedy evaluations as a dashed line with dots, the env's reward threshold as a dashed line, and y limits that
    /// one early outlier cannot flatten: the 1st to 99th percentile of the last 2,000 returns, widened to show the
    /// final mean, the threshold and the latest evaluation. The rows are read twice (count, then draw) and never held: past
    /// <see cref="MaxPoints"/> episodes the points are the means of buckets of episodes, so memory stays flat.
    /// </summary>
    public static void Write(IEnumerable<EpisodeMetrics> rows, string path, int movingAverage = 100, string? title = null, double? rewardThreshold = null)
    {
        int total = 0;
        foreach (var _ in rows) total++;
        int window = RollingWindow(total, movingAverage);
        var curve = new BucketedCurve(window);
        var evalX = new List<double>();
        var evalY = new List<double>();
        var recent = new Queue<double>();
        foreach (var r in rows)
        {
            curve.Add(r.Episode + 1, r.Return);
            recent.Enqueue(r.Return);
            if (recent.Count > RecentForLimits) recent.Dequeue();
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
            var raw = plot.Add.ScatterPoints(xs, curve.BucketMean.ToArray());
            raw.Color = Colors.SteelBlue.WithAlpha(0.3);
            raw.MarkerSize = curve.Count > 500 ? 3 : 5;
            raw.LegendText = curve.BucketSize == 1 ? "return per episode" : $"return (mean of each {curve.BucketSize} episodes)";
            var avg = plot.Add.ScatterLine(xs, curve.Average.ToArray());
            avg.Color = Colors.Navy;
            avg.LineWidth = 2.5f;
            avg.LegendText = window == 1 ? "return (each episode)" : $"rolling mean of the last {window} episodes";
            if (evalX.Count > 0)
            {
                var line = plot.Add.ScatterLine(evalX.ToArray(), evalY.ToArray());
                line.Color = Colors.OrangeRed;
                line.LineWidth = 2;
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 7;
                line.MarkerShape = MarkerShape.FilledCircle;
                line.LegendText = "greedy evaluation (mean return)";
            }
            if (rewardThreshold is { } t)
            {
                var threshold = plot.Add.HorizontalLine(t);
                threshold.Color = Colors.ForestGreen;
                threshold.LineWidth = 1.5f;
                threshold.LinePattern = LinePattern.Dashed;
                threshold.LegendText = $"reward threshold {t:0.###}";
            }
            var sorted = recent.ToArray();
            Array.Sort(sorted);
            double low = Quantile(sorted, 0.01), high = Quantile(sorted, 0.99);
            // Only the latest evaluation widens the range: an early greedy policy stuck until the step cap
            // (CliffWalking's −100,000) would otherwise flatten the curve; older outliers leave through the edge.
            foreach (var v in evalY.TakeLast(1).Append(curve.Average[^1]).Concat(rewardThreshold is { } th ? [th] : []))
                if (double.IsFinite(v)) (low, high) = (Math.Min(low, v), Math.Max(high, v));
            double pad = high > low ? (high - low) * 0.06 : Math.Max(1, Math.Abs(low) * 0.1);
            plot.Axes.SetLimitsY(low - pad, high + pad);
            plot.Axes.SetLimitsX(0, Math.Max(1, xs[^1]) * 1.01);
        }
        Finish(plot, title ?? "Learning curve", "episode", "return", path);
    }

    /// <summary>Returns the y limits are taken over (the latest ones).</summary>
    public const int RecentForLimits = 2000;

    /// <summary>
    /// The rolling-mean window for a run of <paramref name="episodes"/>: <paramref name="window"/> once the run has ten
    /// times as many episodes, else a tenth of them (at least 1).
    /// </summary>
    public static int RollingWindow(int episodes, int window) => Math.Clamp(episodes / 10, 1, Math.Max(1, window));

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolated linearly.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double index = p * (sorted.Length - 1);
        int i = (int)Math.Floor(index);
        return i >= sorted.Length - 1 ? sorted[^1] : sorted[i] + (index - i) * (sorted[i + 1] - sorted[i]);
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
        private double _min = double.PositiveInfinity, _max = double.NegativeInfinity, _bucketSum;
        private int _inBucket;
        private double _lastX;

        public List<double> X { get; } = [];
        public List<double> Min { get; } = [];
        public List<double> Max { get; } = [];
        public List<double> Average { get; } = [];
        public List<double> BucketMean { get; } = [];
        public List<int> BucketCount { get; } = [];
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
            _bucketSum += value;
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
            BucketMean.Add(_bucketSum / _inBucket);
            BucketCount.Add(_inBucket);
            (_min, _max, _inBucket, _bucketSum) = (double.PositiveInfinity, double.NegativeInfinity, 0, 0);
        }

        private void Halve()
        {
            for (int i = 0; i < X.Count / 2; i++)
            {
                X[i] = X[2 * i + 1];
                Min[i] = Math.Min(Min[2 * i], Min[2 * i + 1]);
                Max[i] = Math.Max(Max[2 * i], Max[2 * i + 1]);
                Average[i] = Average[2 * i + 1];
                int count = BucketCount[2 * i] + BucketCount[2 * i + 1];
                BucketMean[i] = (BucketMean[2 * i] * BucketCount[2 * i] + BucketMean[2 * i + 1] * BucketCount[2 * i + 1]) / count;
                BucketCount[i] = count;
            }
            int half = X.Count / 2;
            foreach (var list in new[] { X, Min, Max, Average, BucketMean }) list.RemoveRange(half, list.Count - half);
            BucketCount.RemoveRange(half, BucketCount.Count - half);
            BucketSize *= 2;
        }
    }

    /// <summary>
    /// A comparison: per agent, the mean return per episode over seeds inside its confidence band. Each seed's
    /// returns are first smoothed by a trailing moving average of <paramref name="smoothing"/> episodes (default: a
    /// fiftieth of the run, at least 1), as single episodes are too noisy to read. The legend says what the band is
    /// (a Student-t interval of the mean over N seeds), the band is clipped to the returns the env gave (it cannot
    /// go past the best or worst episode of any seed), and with fewer than <see cref="FewSeeds"/> seeds a note on the
    /// plot says the band is rough.
    /// </summary>
    public static void Write(ComparisonResult comparison, string path, string? title = null, int? smoothing = null)
    {
        var plot = new Plot();
        int colour = 0;
        int episodes = comparison.Agents.Count == 0 ? 0 : comparison.Agents.Min(a => a.MeanCurve.Length);
        int window = smoothing ?? Math.Max(1, episodes / 50);
        int seeds = comparison.Seeds.Count;
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        foreach (var agent in comparison.Agents)
            foreach (var run in agent.ReturnsPerSeed)
                foreach (var r in run)
                    if (double.IsFinite(r)) (lowest, highest) = (Math.Min(lowest, r), Math.Max(highest, r));
        string band = BandLabel(comparison.Confidence, seeds);
        foreach (var agent in comparison.Agents)
        {
            var color = plot.Add.Palette.GetColor(colour++);
            var (mean, half) = Comparison.Curve(agent.ReturnsPerSeed, window, comparison.Confidence);
            var xs = Enumerable.Range(1, mean.Length).Select(i => (double)i).ToArray();
            AddBand(plot, xs, mean, half, color, agent.Label, band, (lowest, highest));
        }
        string smoothed = window > 1 ? $", rolling mean of {window} episodes" : "";
        if (seeds < FewSeeds)
        {
            var note = plot.Add.Annotation($"only {seeds} seed{(seeds == 1 ? "" : "s")}: the band is rough; use {FewSeeds} or more", Alignment.UpperLeft);
            note.LabelFontSize = 13;
        }
        Finish(plot, title is null ? $"Mean return over {seeds} seeds{smoothed}" : $"{title}{smoothed}", "episode", "return", path);
    }

    /// <summary>Fewer seeds than this get a note that the band is rough.</summary>
    public const int FewSeeds = 5;

    /// <summary>What a comparison's shaded band is, for its legend.</summary>
    public static string BandLabel(double confidence, int seeds) =>
        seeds < 2 ? "no band: one seed" : $"shaded: {confidence * 100:0}% t interval of the mean over {seeds} seeds, clipped to the returns seen";

    /// <summary>
    /// Adds a line and, where the half-widths are finite, a translucent band mean ± half-width clipped to
    /// <paramref name="clip"/>; the first band drawn on a plot carries <paramref name="bandLabel"/> in the legend.
    /// </summary>
    internal static void AddBand(Plot plot, double[] xs, double[] mean, double[]? halfWidth, Color color, string label,
        string? bandLabel = null, (double Low, double High)? clip = null)
    {
        if (xs.Length == 0) return;
        if (halfWidth is not null && halfWidth.All(double.IsFinite))
        {
            var (lo, hi) = clip ?? (double.NegativeInfinity, double.PositiveInfinity);
            var low = mean.Select((m, i) => Math.Clamp(m - halfWidth[i], lo, Math.Max(lo, hi))).ToArray();
            var high = mean.Select((m, i) => Math.Clamp(m + halfWidth[i], lo, Math.Max(lo, hi))).ToArray();
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = color.WithAlpha(0.25);
            band.LineWidth = 0;
            if (bandLabel is not null && !plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Any(f => !string.IsNullOrEmpty(f.LegendText)))
                band.LegendText = bandLabel;
        }
        var line = plot.Add.ScatterLine(xs, mean);
        line.Color = color;
        line.LineWidth = 2;
        line.LegendText = label;
    }

    /// <summary>
    /// Draws a small learning curve into memory and throws it away, so that the plotting library's first-use cost (its
    /// fonts, the native renderer and the code behind them, about 150 ms) is paid once, off the threads that train.
    /// A sweep starts it in the background while its first trials train; every trial's curve then draws at the
    /// steady-state speed. Never throws: a failure here shows up again, with its message, when a real curve is drawn.
    /// </summary>
    public static void Warm()
    {
        try
        {
            double[] xs = [1, 2, 3], ys = [0, 1, 0.5];
            var plot = new Plot();
            plot.Add.ScatterPoints(xs, ys).LegendText = "return";
            var line = plot.Add.ScatterLine(xs, ys);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "mean";
            plot.Add.HorizontalLine(0.5).LegendText = "threshold";
            plot.Title("warm");
            plot.XLabel("episode");
            plot.YLabel("return");
            plot.ShowLegend(Alignment.LowerRight);
            PlotPng.Encode(plot, Width / 4, Height / 4);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Drawn for its side effects only.
        }
    }

    internal static void Finish(Plot plot, string title, string xLabel, string yLabel, string path)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.LowerRight);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        PlotPng.Save(plot, path, Width, Height);
    }
}
