namespace RlGym.Training.Comparisons;

/// <summary>A mean with the half-width of its confidence interval: the interval is [Mean − HalfWidth, Mean + HalfWidth].</summary>
public readonly record struct Interval(double Mean, double HalfWidth, int Count)
{
    /// <summary>Lower end.</summary>
    public double Low => Mean - HalfWidth;

    /// <summary>Upper end.</summary>
    public double High => Mean + HalfWidth;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mean:G4} ± {HalfWidth:G3} (n={Count})");
}

/// <summary>The summaries comparisons report: means, sample standard deviations, Student-t intervals, moving averages.</summary>
public static class Statistics
{
    /// <summary>The arithmetic mean (NaN for no values).</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>The sample standard deviation (divides by n − 1; 0 for a single value, NaN for none).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        if (values.Length == 1) return 0;
        double mean = Mean(values);
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>The population standard deviation (divides by n), as evaluation reports (NumPy's default).</summary>
    public static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        double mean = Mean(values);
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / values.Length);
    }

    /// <summary>
    /// The Student-t confidence interval of the mean: mean ± t(1 − (1 − c)/2, n − 1) · s / √n. With one value the
    /// half-width is NaN (no spread can be estimated).
    /// </summary>
    public static Interval TInterval(ReadOnlySpan<double> values, double confidence = 0.95)
    {
        int n = values.Length;
        double mean = Mean(values);
        if (n < 2) return new Interval(mean, double.NaN, n);
        double half = StudentT.Critical(n - 1, confidence) * StandardDeviation(values) / Math.Sqrt(n);
        return new Interval(mean, half, n);
    }

    /// <summary>
    /// The trailing moving average: element i is the mean of values[max(0, i − window + 1) .. i], so the curve starts
    /// at the first value and every point uses only the past.
    /// </summary>
    public static double[] MovingAverage(ReadOnlySpan<double> values, int window)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be at least 1");
        var result = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
