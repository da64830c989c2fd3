namespace RlGym.Rendering.Scenes;

/// <summary>
/// The y range of a learning curve that outliers cannot flatten: the 1st to 99th percentile of the recent returns
/// (the last <see cref="Recent"/>), widened to include the current values (last return, current rolling mean), the
/// threshold and the evaluations, and padded by 5%.
/// </summary>
internal static class CurveLimits
{
    /// <summary>How many of the latest returns the percentiles are taken over.</summary>
    public const int Recent = 2000;

    /// <summary>The y range for <paramref name="returns"/> and the values that must stay visible.</summary>
    public static (double Low, double High) Of(ReadOnlySpan<double> returns, IEnumerable<double> mustShow)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        if (returns.Length > 0)
        {
            var recent = returns[Math.Max(0, returns.Length - Recent)..].ToArray();
            Array.Sort(recent);
            low = Quantile(recent, 0.01);
            high = Quantile(recent, 0.99);
        }
        foreach (var v in mustShow)
            if (double.IsFinite(v)) { low = Math.Min(low, v); high = Math.Max(high, v); }
        if (!double.IsFinite(low) || !double.IsFinite(high)) return (0, 1);
        if (!(high > low)) { double pad = Math.Max(1, Math.Abs(low) * 0.1); return (low - pad, high + pad); }
        double margin = (high - low) * 0.05;
        return (low - margin, high + margin);
    }

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolated linearly.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double index = p * (sorted.Length - 1);
        int i = (int)Math.Floor(index);
        return i >= sorted.Length - 1 ? sorted[^1] : sorted[i] + (index - i) * (sorted[i + 1] - sorted[i]);
    }

    /// <summary>
    /// The rolling-mean window for <paramref name="episodes"/> finished episodes: <paramref name="window"/> once there
    /// are ten times as many, else a tenth of them (at least 1), so a short run's mean is not a cumulative one.
    /// </summary>
    public static int RollingWindow(int episodes, int window) => Math.Clamp(episodes / 10, 1, Math.Max(1, window));
}
