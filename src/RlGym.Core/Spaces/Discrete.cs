namespace RlGym.Core.Spaces;

/// <summary>The integers {start, ..., start + n − 1}, as Gymnasium's <c>Discrete(n, start)</c>.</summary>
public sealed class Discrete : Space<int>
{
    /// <summary>Creates the space of <paramref name="n"/> integers beginning at <paramref name="start"/>.</summary>
    public Discrete(int n, int start = 0)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Discrete needs n > 0.");
        N = n;
        Start = start;
    }

    /// <summary>How many elements.</summary>
    public int N { get; }

    /// <summary>The smallest element.</summary>
    public int Start { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => [];

    /// <inheritdoc />
    public override int Sample() => Start + Random.NextInt(N);

    /// <inheritdoc />
    public override bool Contains(int value) => value >= Start && value < Start + N;

    /// <inheritdoc />
    public override int Clone(int value) => value;

    /// <inheritdoc />
    public override double[] ToNumbers(object value) => [(int)value];

    /// <inheritdoc />
    public override object FromNumbers(ReadOnlySpan<double> numbers)
    {
        if (numbers.Length != 1 || numbers[0] != Math.Floor(numbers[0]))
            throw new FormatException($"{this} takes one integer.");
        return (int)numbers[0];
    }

    /// <inheritdoc />
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";
}
