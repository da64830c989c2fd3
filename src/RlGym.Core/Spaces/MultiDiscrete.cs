namespace RlGym.Core.Spaces;

/// <summary>A vector of independent discrete values, element i in [0, nvec[i]), as Gymnasium's <c>MultiDiscrete</c>.</summary>
public sealed class MultiDiscrete : Space<int[]>
{
    private readonly int[] _nvec;

    /// <summary>Creates the space from the number of values of each element.</summary>
    public MultiDiscrete(params int[] nvec)
    {
        if (nvec.Length == 0 || Array.Exists(nvec, n => n <= 0))
            throw new ArgumentException("MultiDiscrete needs at least one element and every n > 0.", nameof(nvec));
        _nvec = (int[])nvec.Clone();
    }

    /// <summary>The number of values of each element.</summary>
    public ReadOnlySpan<int> Nvec => _nvec;

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => [_nvec.Length];

    /// <inheritdoc />
    public override int[] Sample()
    {
        var x = new int[_nvec.Length];
        for (int i = 0; i < x.Length; i++) x[i] = Random.NextInt(_nvec[i]);
        return x;
    }

    /// <inheritdoc />
    public override bool Contains(int[] value)
    {
        if (value.Length != _nvec.Length) return false;
        for (int i = 0; i < value.Length; i++)
            if (value[i] < 0 || value[i] >= _nvec[i]) return false;
        return true;
    }

    /// <inheritdoc />
    public override int[] Clone(int[] value) => (int[])value.Clone();

    /// <inheritdoc />
    public override double[] ToNumbers(object value) => Array.ConvertAll((int[])value, v => (double)v);

    /// <inheritdoc />
    public override object FromNumbers(ReadOnlySpan<double> numbers)
    {
        if (numbers.Length != _nvec.Length) throw new FormatException($"{this} takes {_nvec.Length} integers.");
        var a = new int[numbers.Length];
        for (int i = 0; i < a.Length; i++) a[i] = (int)numbers[i];
        return a;
    }

    /// <inheritdoc />
    /// <remarks>numpy's array printing, as Gymnasium shows it: <c>MultiDiscrete([ 2 10])</c>.</remarks>
    public override string ToString()
    {
        int width = _nvec.Max(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return $"MultiDiscrete([{string.Join(" ", _nvec.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)))}])";
    }
}
