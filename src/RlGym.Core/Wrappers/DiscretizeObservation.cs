using System.Globalization;
using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Turns a <see cref="Box"/> observation into one integer of <c>Discrete(bins[0] × … × bins[d−1])</c>, so that a
/// tabular agent (Q-learning, Sarsa) can learn a continuous environment such as CartPole.
/// <para>
/// Dimension i is cut into <c>bins[i]</c> equal intervals between <c>low[i]</c> and <c>high[i]</c>; values outside
/// fall into the edge bins. With <c>b_i = clamp(floor((x_i − low_i) / (high_i − low_i) · bins_i), 0, bins_i − 1)</c>
/// the index is row-major, the last dimension varying fastest (numpy's <c>ravel_multi_index</c>):
/// <c>index = (…((b_0 · bins_1 + b_1) · bins_2 + b_2)…) · bins_{d−1} + b_{d−1}</c>.
/// </para>
/// <para>
/// Bounds default to the box's own; a dimension the box leaves unbounded (CartPole's velocities) needs bounds
/// from the caller, e.g. <c>low = [-2.4, -3, -0.21, -3.5]</c>, <c>high = [2.4, 3, 0.21, 3.5]</c>.
/// </para>
/// </summary>
public sealed class DiscretizeObservation<TAct> : ObservationWrapper<int, float[], TAct> where TAct : notnull
{
    private readonly Box _inner;
    private readonly int[] _bins;
    private readonly double[] _low;
    private readonly double[] _high;

    /// <summary>Wraps <paramref name="inner"/> with the same number of bins on every dimension.</summary>
    public DiscretizeObservation(IEnv<float[], TAct> inner, int bins = 10, double[]? low = null, double[]? high = null)
        : this(inner, Repeat(bins, inner), low, high) { }

    /// <summary>
    /// Wraps <paramref name="inner"/> with <paramref name="bins"/> intervals per dimension; <paramref name="low"/> and
    /// <paramref name="high"/> (one value per dimension, NaN meaning "the box's bound") replace the box's bounds.
    /// </summary>
    public DiscretizeObservation(IEnv<float[], TAct> inner, int[] bins, double[]? low = null, double[]? high = null) : base(inner)
    {
        _inner = inner.ObservationSpace as Box ?? throw new ArgumentException(
            $"DiscretizeObservation needs Box observations; {inner} has {inner.ObservationSpace}.", nameof(inner));
        int d = _inner.Size;
        if (bins.Length != d) throw new ArgumentException($"bins has {bins.Length} values; {_inner} has {d} dimensions.", nameof(bins));
        if (low is not null && low.Length != d) throw new ArgumentException($"low has {low.Length} values; {_inner} has {d} dimensions.", nameof(low));
        if (high is not null && high.Length != d) throw new ArgumentException($"high has {high.Length} values; {_inner} has {d} dimensions.", nameof(high));

        _bins = (int[])bins.Clone();
        _low = new double[d];
        _high = new double[d];
        long count = 1;
        for (int i = 0; i < d; i++)
        {
            if (_bins[i] < 1) throw new ArgumentOutOfRangeException(nameof(bins), _bins[i], $"bins[{i}] must be at least 1.");
            count *= _bins[i];
            if (count > int.MaxValue) throw new ArgumentException($"{string.Join(" x ", bins)} bins is more states than an int can index.", nameof(bins));
            _low[i] = low is not null && !double.IsNaN(low[i]) ? low[i] : _inner.Low[i];
            _high[i] = high is not null && !double.IsNaN(high[i]) ? high[i] : _inner.High[i];
            if (!double.IsFinite(_low[i]) || !double.IsFinite(_high[i]))
                throw new ArgumentException(
                    $"dimension {i} of {_inner} is unbounded; give finite low and high for it (low[{i}] = {Format(_low[i])}, high[{i}] = {Format(_high[i])}).");
            if (!(_low[i] < _high[i]))
                throw new ArgumentException($"dimension {i}: low {Format(_low[i])} must be below high {Format(_high[i])}.");
        }
        ObservationSpace = new Discrete((int)count);
    }

    private static int[] Repeat(int bins, IEnv<float[], TAct> inner) =>
        Enumerable.Repeat(bins, (inner.ObservationSpace as Box)?.Size ?? 0).ToArray();

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override Space<int> ObservationSpace { get; }

    /// <summary>Number of intervals of each dimension.</summary>
    public ReadOnlySpan<int> Bins => _bins;

    /// <summary>The lower edge of each dimension's first interval.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>The upper edge of each dimension's last interval.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>The state index of a box observation (see the class remarks for the formula).</summary>
    public int Index(ReadOnlySpan<float> observation)
    {
        if (observation.Length != _bins.Length)
            throw new ArgumentException($"Observation has {observation.Length} values; {_inner} has {_bins.Length}.", nameof(observation));
        int index = 0;
        for (int i = 0; i < _bins.Length; i++)
        {
            double t = (observation[i] - _low[i]) / (_high[i] - _low[i]) * _bins[i];
            // NaN has no bin; clamping it to 0 would hide a broken environment.
            if (double.IsNaN(t)) throw new ArgumentException($"Observation element {i} is NaN.", nameof(observation));
            int b = t <= 0 ? 0 : t >= _bins[i] ? _bins[i] - 1 : (int)t;
            index = index * _bins[i] + b;
        }
        return index;
    }

    /// <summary>Writes the bin of each dimension of state <paramref name="index"/> into <paramref name="bins"/> (the inverse of the index formula).</summary>
    public void BinsOf(int index, Span<int> bins)
    {
        if (!ObservationSpace.Contains(index)) throw new ArgumentOutOfRangeException(nameof(index), index, $"not in {ObservationSpace}");
        for (int i = _bins.Length - 1; i >= 0; i--)
        {
            bins[i] = index % _bins[i];
            index /= _bins[i];
        }
    }

    /// <inheritdoc />
    protected override int Observation(float[] observation) => Index(observation);
}
