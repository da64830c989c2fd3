using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Distributions;

namespace RlGym.Agents.PolicyGradient;

/// <summary>π(a|s) = softmax(z)_a over n discrete actions; z are the logits.</summary>
public sealed class CategoricalHead : ActionHead<int>
{
    private readonly double[] _p;
    private readonly double[] _q;
    private readonly double[] _g;

    /// <summary>Creates the head for <paramref name="actions"/> actions.</summary>
    public CategoricalHead(int actions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actions, 1);
        OutputSize = actions;
        _p = new double[actions];
        _q = new double[actions];
        _g = new double[actions];
    }

    /// <inheritdoc/>
    public override int OutputSize { get; }

    /// <inheritdoc/>
    public override int ActionWidth => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public override double Sample(ReadOnlySpan<double> z, Rng rng, Span<double> action)
    {
        int a = Categorical.Sample(z, rng);
        action[0] = a;
        return Categorical.LogProb(z, a);
    }

    /// <inheritdoc/>
    public override void Greedy(ReadOnlySpan<double> z, Span<double> action) => action[0] = Categorical.Mode(z);

    /// <inheritdoc/>
    public override double LogProb(ReadOnlySpan<double> z, ReadOnlySpan<double> action) => Categorical.LogProb(z, (int)action[0]);

    /// <inheritdoc/>
    public override double Entropy(ReadOnlySpan<double> z) => Categorical.Entropy(z);

    /// <inheritdoc/>
    public override void AddGradient(ReadOnlySpan<double> z, ReadOnlySpan<double> action, double logProbWeight, double entropyWeight, Span<double> dz)
    {
        if (logProbWeight != 0)
        {
            Categorical.LogProbGradient(z, (int)action[0], _g);
            for (int i = 0; i < _g.Length; i++) dz[i] += logProbWeight * _g[i];
        }
        if (entropyWeight != 0)
        {
            Categorical.EntropyGradient(z, _g);
            for (int i = 0; i < _g.Length; i++) dz[i] += entropyWeight * _g[i];
        }
    }

    /// <inheritdoc/>
    public override int ToEnv(ReadOnlySpan<double> action) => (int)action[0];

    /// <inheritdoc/>
    public override void FromEnv(int action, Span<double> stored) => stored[0] = action;

    /// <inheritdoc/>
    public override void Remember() { }

    /// <inheritdoc/>
    public override double KlFromOld(ReadOnlySpan<double> zOld, ReadOnlySpan<double> z)
    {
        // KL(p ‖ q) = Σ_a p_a (ln p_a − ln q_a) with ln p_a = z_a − ln Σ e^z.
        double lp = Categorical.LogNormaliser(zOld), lq = Categorical.LogNormaliser(z), kl = 0;
        for (int a = 0; a < z.Length; a++)
        {
            double logP = zOld[a] - lp;
            kl += Math.Exp(logP) * (logP - (z[a] - lq));
        }
        return kl;
    }

    /// <inheritdoc/>
    public override void FisherProduct(ReadOnlySpan<double> z, ReadOnlySpan<double> u, Span<double> result)
    {
        // (diag(p) − p pᵀ) u = p ⊙ (u − pᵀu)
        Categorical.Probabilities(z, _p);
        double pu = 0;
        for (int a = 0; a < _p.Length; a++) pu += _p[a] * u[a];
        for (int a = 0; a < _p.Length; a++) result[a] = _p[a] * (u[a] - pu);
    }

    /// <inheritdoc/>
    public override void AddOwnFisherProduct(ReadOnlySpan<double> v, Span<double> result) { }
}
