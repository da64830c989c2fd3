namespace RlGym.Core.Wrappers;

/// <summary>
/// Running mean and variance of vectors, element by element, in float64, as Gymnasium's <c>RunningMeanStd</c>:
/// it starts at mean 0, variance 1 and a pseudo-count of 1e-4, and merges each new sample with the
/// parallel form of Welford's update (Chan et al.), so one sample at a time gives the same numbers as Gymnasium.
/// </summary>
public sealed class RunningMeanStd
{
    /// <summary>Gymnasium's initial pseudo-count, which keeps the first update from dividing by zero.</summary>
    public const double InitialCount = 1e-4;

    private readonly double[] _mean;
    private readonly double[] _var;

    /// <summary>Statistics of vectors of <paramref name="size"/> elements.</summary>
    public RunningMeanStd(int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "must be positive");
        _mean = new double[size];
        _var = new double[size];
        Array.Fill(_var, 1.0);
        Count = InitialCount;
    }

    /// <summary>Number of elements of each vector.</summary>
    public int Size => _mean.Length;

    /// <summary>The running mean of each element.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>The running (population) variance of each element.</summary>
    public ReadOnlySpan<double> Variance => _var;

    /// <summary>Samples seen, plus the initial pseudo-count.</summary>
    public double Count { get; private set; }

    /// <summary>Merges one sample.</summary>
    public void Update(ReadOnlySpan<float> x)
    {
        if (x.Length != _mean.Length) throw new ArgumentException($"Sample has {x.Length} elements, expected {_mean.Length}.", nameof(x));
        // Batch of one (mean x, variance 0): δ = x − μ, n' = n + 1, μ' = μ + δ / n', σ²' = (σ² n + δ² n / n') / n'.
        double n = Count, total = n + 1;
        for (int i = 0; i < _mean.Length; i++)
        {
            double delta = x[i] - _mean[i];
            _mean[i] += delta / total;
            _var[i] = (_var[i] * n + delta * delta * n / total) / total;
        }
        Count = total;
    }

    /// <summary>Restores statistics saved from <see cref="Mean"/>, <see cref="Variance"/> and <see cref="Count"/> (a checkpoint).</summary>
    public void Set(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance, double count)
    {
        if (mean.Length != Size || variance.Length != Size)
            throw new ArgumentException($"Statistics have {mean.Length} and {variance.Length} elements, expected {Size}.");
        if (!(count > 0)) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        for (int i = 0; i < Size; i++)
            if (!(variance[i] >= 0)) throw new ArgumentOutOfRangeException(nameof(variance), variance[i], $"variance[{i}] must be non-negative");
        mean.CopyTo(_mean);
        variance.CopyTo(_var);
        Count = count;
    }
}
