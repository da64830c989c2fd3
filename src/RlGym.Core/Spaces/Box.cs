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

    /// <inheritdoc />
    public override string ToString()
    {
        string Bound(float[] b) =>
            Array.TrueForAll(b, v => v.Equals(b[0])) ? Format(b[0]) : "[" + string.Join(", ", b.Select(Format)) + "]";
        static string Format(float v) => float.IsPositiveInfinity(v) ? "inf" : float.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);
        return $"Box({Bound(_low)}, {Bound(_high)}, ({string.Join(", ", _shape)},), float32)";
    }
}
