using System.Globalization;

namespace RlGym.Core.Spaces;

/// <summary>
/// A box in R^n of float32 values with per-element bounds, as Gymnasium's <c>Box(low, high, shape, float32)</c>.
/// Sampling follows Gymnasium: uniform on bounded elements, exponential on half-bounded ones, normal on unbounded ones.
/// </summary>
public sealed class Box : Space<float[]>
{
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly int[] _shape;

    /// <summary>Creates a box with the same bounds on every element.</summary>
    public Box(float low, float high, params int[] shape)
        : this(Fill(low, shape), Fill(high, shape), shape) { }

    /// <summary>Creates a box with per-element bounds (flattened, row-major).</summary>
    public Box(float[] low, float[] high, params int[] shape)
    {
        if (shape.Length == 0) shape = [low.Length];
        int size = 1;
        foreach (var d in shape) size *= d;
        if (low.Length != size || high.Length != size)
            throw new ArgumentException($"Bounds have {low.Length} and {high.Length} elements; shape needs {size}.");
        for (int i = 0; i < size; i++)
            if (!(low[i] <= high[i])) throw new ArgumentException($"low[{i}] = {low[i]} is above high[{i}] = {high[i]}.");
        _low = (float[])low.Clone();
        _high = (float[])high.Clone();
        _shape = (int[])shape.Clone();
        Size = size;
    }

    private static float[] Fill(float v, int[] shape)
    {
        int size = 1;
        foreach (var d in shape) size *= d;
        var a = new float[size];
        Array.Fill(a, v);
        return a;
    }

    /// <summary>Number of elements.</summary>
    public int Size { get; }

    /// <summary>Lower bounds, flattened.</summary>
    public ReadOnlySpan<float> Low => _low;

    /// <summary>Upper bounds, flattened.</summary>
    public ReadOnlySpan<float> High => _high;

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => _shape;

    /// <summary>True when every element has finite bounds on both sides.</summary>
    public bool IsBounded
    {
        get
        {
            for (int i = 0; i < Size; i++)
                if (float.IsInfinity(_low[i]) || float.IsInfinity(_high[i])) return false;
            return true;
        }
    }

    /// <inheritdoc />
    public override float[] Sample()
    {
        var x = new float[Size];
        SampleInto(x);
        return x;
    }

    /// <summary>Samples into a caller's buffer, without allocating.</summary>
    public void SampleInto(Span<float> x)
    {
        for (int i = 0; i < Size; i++)
        {
            bool lowInf = float.IsNegativeInfinity(_low[i]), highInf = float.IsPositiveInfinity(_high[i]);
            double v = (lowInf, highInf) switch
            {
                (false, false) => Random.Uniform(_low[i], _high[i]),
                (false, true) => _low[i] + Random.NextExponential(),
                (true, false) => _high[i] - Random.NextExponential(),
                _ => Random.NextGaussian(),
            };
            x[i] = Math.Clamp((float)v, _low[i], _high[i]);
            if (!lowInf && !highInf && x[i] >= _high[i] && _high[i] > _low[i]) x[i] = MathF.BitDecrement(_high[i]);
        }
    }

    /// <inheritdoc />
    public override bool Contains(float[] value) => Contains((ReadOnlySpan<float>)value);

    /// <summary>True when the span has this box's size and every element is within its bounds.</summary>
    public bool Contains(ReadOnlySpan<float> value)
    {
        if (value.Length != Size) return false;
        for (int i = 0; i < Size; i++)
            if (!(value[i] >= _low[i] && value[i] <= _high[i])) return false;
        return true;
    }

    /// <inheritdoc />
    public override float[] Clone(float[] value) => (float[])value.Clone();

    /// <inheritdoc />
    public override double[] ToNumbers(object value)
    {
        var a = (float[])value;
        var d = new double[a.Length];
        for (int i = 0; i < a.Length; i++) d[i] = a[i];
        return d;
    }

    /// <inheritdoc />
    public override object FromNumbers(ReadOnlySpan<double> numbers)
    {
        if (numbers.Length != Size) throw new FormatException($"{this} takes {Size} numbers, got {numbers.Length}.");
        var a = new float[Size];
        for (int i = 0; i < Size; i++) a[i] = (float)numbers[i];
        return a;
    }

    /// <summary>
    /// Gymnasium's repr: <c>Box(-1.0, 1.0, (2,), float32)</c> when the bounds are uniform, otherwise numpy's array
    /// printing, e.g. CartPole's <c>Box([-4.8               -inf -0.41887903        -inf], [4.8 ...], (4,), float32)</c>
    /// (bounds flattened, on one line).
    /// </summary>
    public override string ToString()
    {
        var shape = _shape.Length == 1 ? $"({_shape[0]},)" : $"({string.Join(", ", _shape)})";
        return $"Box({Bound(_low)}, {Bound(_high)}, {shape}, float32)";
    }

    private static string Bound(float[] b) =>
        Array.TrueForAll(b, v => v.Equals(b[0])) ? Scalar(b[0]) : NumpyArray(b);

    // numpy's str of a float32 scalar: the shortest round-trip digits, with ".0" on whole numbers.
    private static string Scalar(float v)
    {
        if (!float.IsFinite(v)) return NonFinite(v);
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }

    private static string NonFinite(float v) => float.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";

    // numpy's str of a 1-D float array: integer parts right-aligned, fractions left-aligned to common widths, the
    // point kept on whole numbers ("2."), non-finite values right-aligned to the full width, one space between.
    private static string NumpyArray(float[] values)
    {
        var parts = new (string Int, string Frac)?[values.Length];
        int padLeft = 0, padRight = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) continue;
            var s = values[i].ToString("R", CultureInfo.InvariantCulture);
            int dot = s.IndexOf('.');
            var p = dot < 0 ? (s, "") : (s[..dot], s[(dot + 1)..]);
            parts[i] = p;
            padLeft = Math.Max(padLeft, p.Item1.Length);
            padRight = Math.Max(padRight, p.Item2.Length);
        }
        if (Array.Exists(values, v => !float.IsFinite(v)))
        {
            int infLength = Array.Exists(values, float.IsNegativeInfinity) ? 4 : 3;
            padLeft = Math.Max(padLeft, infLength - (padRight + 1));
        }
        int width = padLeft + 1 + padRight;
        var items = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            items[i] = parts[i] is { } p
                ? p.Int.PadLeft(padLeft) + "." + p.Frac.PadRight(padRight)
                : NonFinite(values[i]).PadLeft(width);
        return "[" + string.Join(" ", items) + "]";
    }
}
