namespace RlGym.Rendering.Drawing;

/// <summary>Round tick values for a plot axis (1, 2 or 5 times a power of ten apart).</summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="count"/> round values inside [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static IReadOnlyList<double> Between(double low, double high, int count = 5)
    {
        if (!(high > low) || count < 1 || !double.IsFinite(low) || !double.IsFinite(high)) return [];
        double raw = (high - low) / count;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
        var ticks = new List<double>();
        for (double v = Math.Ceiling(low / step) * step; v <= high + step * 1e-9; v += step)
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        return ticks;
    }

    /// <summary>A tick value as short text: 1.5k, 20k, 1.2M for large numbers.</summary>
    public static string Format(double value)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double a = Math.Abs(value);
        return a >= 1e6 ? (value / 1e6).ToString("0.##", inv) + "M"
            : a >= 1e4 ? (value / 1e3).ToString("0.#", inv) + "k"
            : value.ToString(a >= 100 ? "0" : "0.##", inv);
    }
}
