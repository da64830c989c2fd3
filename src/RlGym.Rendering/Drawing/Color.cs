using System.Runtime.InteropServices;

namespace RlGym.Rendering.Drawing;

/// <summary>
/// An 8-bit RGBA colour. Laid out as four bytes in R, G, B, A order, so it is passed to raylib as its
/// <c>Color</c> struct and matches Skia's <c>Rgba8888</c> pixels byte for byte.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Color(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Parses <c>#rrggbb</c> or <c>#rrggbbaa</c>.</summary>
    public static Color FromHex(string hex)
    {
        var s = hex.TrimStart('#');
        if (s.Length is not (6 or 8)) throw new FormatException($"'{hex}' is not #rrggbb or #rrggbbaa.");
        byte At(int i) => byte.Parse(s.AsSpan(i, 2), System.Globalization.NumberStyles.HexNumber);
        return new Color(At(0), At(2), At(4), s.Length == 8 ? At(6) : (byte)255);
    }

    /// <summary>This colour with another alpha.</summary>
    public Color WithAlpha(byte alpha) => this with { A = alpha };

    /// <summary>Linear interpolation between two colours, <paramref name="t"/> clamped to [0, 1].</summary>
    public static Color Lerp(Color a, Color b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        static byte Mix(byte x, byte y, double t) => (byte)Math.Round(x + (y - x) * t);
        return new Color(Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t), Mix(a.A, b.A, t));
    }

    /// <summary>Relative luminance in [0, 1] (Rec. 709 weights on the 8-bit values).</summary>
    public double Luminance => (0.2126 * R + 0.7152 * G + 0.0722 * B) / 255.0;

    /// <summary>Largest per-channel difference to another colour, alpha ignored.</summary>
    public int DistanceTo(Color other) =>
        Math.Max(Math.Abs(R - other.R), Math.Max(Math.Abs(G - other.G), Math.Abs(B - other.B)));

    /// <inheritdoc />
    public override string ToString() => A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";
}
