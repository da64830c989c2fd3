using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Neural;
using RlGym.Neural.Distributions;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The diagonal Gaussian policy of continuous control (lecture 6): π(a|s;θ) = N(μ(s;θ), diag σ²) with z = μ and a
/// state-independent, learned ln σ (starting at 0, as CleanRL's <c>actor_logstd</c>). Log-probabilities are of the
/// unclipped sample; the environment receives it clipped to the Box.
/// </summary>
public sealed class GaussianHead : ActionHead<float[]>
{
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly double[] _oldLogStd;
    private readonly double[] _dMean;
    private readonly double[] _dLogStd;

    /// <summary>Creates the head for a flat Box action space.</summary>
    public GaussianHead(Box space, double initialLogStd = 0)
    {
        ArgumentNullException.ThrowIfNull(space);
        int m = space.Size;
        OutputSize = m;
        _low = space.Low.ToArray();
        _high = space.High.ToArray();
        LogStd = new Parameter("log_std", 1, m);
        LogStd.Values.Fill(initialLogStd);
        _oldLogStd = new double[m];
        _dMean = new double[m];
        _dLogStd = new double[m];
    }

    /// <summary>ln σ, 1 × m.</summary>
    public Parameter LogStd { get; }

    /// <inheritdoc/>
    public override int OutputSize { get; }

    /// <inheritdoc/>
    public override int ActionWidth => OutputSize;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => [LogStd];

    /// <inheritdoc/>
    public override double Sample(ReadOnlySpan<double> z, Rng rng, Span<double> action)
    {
        DiagonalGaussian.Sample(z, LogStd.Values, rng, action);
        return DiagonalGaussian.LogProb(z, LogStd.Values, action);
    }

    /// <inheritdoc/>
    public override void Greedy(ReadOnlySpan<double> z, Span<double> action) => z.CopyTo(action);

    /// <inheritdoc/>
    public override double LogProb(ReadOnlySpan<double> z, ReadOnlySpan<double> action) => DiagonalGaussian.LogProb(z, LogStd.Values, action);

    /// <inheritdoc/>
    public override double Entropy(ReadOnlySpan<double> z) => DiagonalGaussian.Entropy(LogStd.Values);

    /// <inheritdoc/>
    public override void AddGradient(ReadOnlySpan<double> z, ReadOnlySpan<double> action, double logProbWeight, double entropyWeight, Span<double> dz)
    {
        var gradient = LogStd.Gradients;
        DiagonalGaussian.LogProbGradient(z, LogStd.Values, action, _dMean, _dLogStd);
        for (int j = 0; j < OutputSize; j++)
        {
            dz[j] += logProbWeight * _dMean[j];
            // ∂H/∂ln σ_j = 1
            gradient[j] += logProbWeight * _dLogStd[j] + entropyWeight;
        }
    }

    /// <inheritdoc/>
    public override float[] ToEnv(ReadOnlySpan<double> action)
    {
        var a = new float[OutputSize];
        for (int j = 0; j < a.Length; j++) a[j] = Math.Clamp((float)action[j], _low[j], _high[j]);
        return a;
    }

    /// <inheritdoc/>
    public override void FromEnv(float[] action, Span<double> stored)
    {
        for (int j = 0; j < OutputSize; j++) stored[j] = action[j];
    }

    /// <inheritdoc/>
    public override void Remember() => LogStd.Values.CopyTo(_oldLogStd);

    /// <inheritdoc/>
    public override double KlFromOld(ReadOnlySpan<double> zOld, ReadOnlySpan<double> z)
    {
        // KL(N(μ₀, σ₀²) ‖ N(μ, σ²)) = Σ_j ln(σ_j/σ₀_j) + (σ₀_j² + (μ₀_j − μ_j)²) / (2σ_j²) − ½
        var logStd = LogStd.Values;
        double kl = 0;
        for (int j = 0; j < OutputSize; j++)
        {
            double d = zOld[j] - z[j];
            kl += logStd[j] - _oldLogStd[j] + (Math.Exp(2 * _oldLogStd[j]) + d * d) / (2 * Math.Exp(2 * logStd[j])) - 0.5;
        }
        return kl;
    }

    /// <inheritdoc/>
    public override void FisherProduct(ReadOnlySpan<double> z, ReadOnlySpan<double> u, Span<double> result)
    {
        var logStd = LogStd.Values;
        for (int j = 0; j < OutputSize; j++) result[j] = u[j] * Math.Exp(-2 * logStd[j]);
    }

    /// <inheritdoc/>
    public override void AddOwnFisherProduct(ReadOnlySpan<double> v, Span<double> result)
    {
        // ∂²KL/∂(ln σ)² = 2 at σ = σ₀, with no cross term between the means and ln σ.
        for (int j = 0; j < OutputSize; j++) result[j] += 2 * v[j];
    }
}
