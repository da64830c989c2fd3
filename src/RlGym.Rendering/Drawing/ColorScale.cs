namespace RlGym.Rendering.Drawing;

/// <summary>
/// Maps numbers to colours from low to high, piecewise linear between stops. The default is viridis, whose
/// luminance rises monotonically, so a brighter tile always means a higher value (also in grey print).
/// </summary>
public sealed class ColorScale
{
    private readonly Color[] _stops;

    /// <summary>Creates a scale through the given colours, the first for the lowest value.</summary>
    public ColorScale(params Color[] stops)
    {
        if (stops.Length < 2) throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        _stops = (Color[])stops.Clone();
    }

    /// <summary>Viridis sampled at 0, ¼, ½, ¾ and 1.</summary>
    public static ColorScale Viridis { get; } = new(
        Color.FromHex("#440154"), Color.FromHex("#3b528b"), Color.FromHex("#21918c"),
        Color.FromHex("#5ec962"), Color.FromHex("#fde725"));

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped; NaN gives the lowest).</summary>
    public Color At(double t)
    {
        if (double.IsNaN(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (_stops.Length - 1);
        int i = Math.Min((int)t, _stops.Length - 2);
        return Color.Lerp(_stops[i], _stops[i + 1], t - i);
    }

    /// <summary>The colour of <paramref name="value"/> between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public Color Map(double value, double low, double high) =>
        high > low ? At((value - low) / (high - low)) : At(0.5);
}
