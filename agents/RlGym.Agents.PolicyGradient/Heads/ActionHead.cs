using RlGym.Neural;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The distribution π(·|s) that PPO and TRPO put on the policy network's outputs z = f(s;θ), one row per state:
/// sampling, log-probabilities, entropy and their gradients with respect to z, and, for TRPO, the KL divergence and the
/// Fisher information in output space. Actions are stored as doubles (an index, or the unclipped Gaussian sample) and
/// turned into the environment's action type by <see cref="ToEnv"/>.
/// </summary>
public abstract class ActionHead<TAct> where TAct : notnull
{
    /// <summary>Width of z, the network outputs per state.</summary>
    public abstract int OutputSize { get; }

    /// <summary>Doubles per stored action.</summary>
    public abstract int ActionWidth { get; }

    /// <summary>Parameters the head owns besides the network (the Gaussian's state-independent ln σ).</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Draws an action into <paramref name="action"/> and returns its log-probability.</summary>
    public abstract double Sample(ReadOnlySpan<double> z, RlGym.Core.Random.Rng rng, Span<double> action);

    /// <summary>The most probable action (arg max, or the mean).</summary>
    public abstract void Greedy(ReadOnlySpan<double> z, Span<double> action);

    /// <summary>ln π(a|s).</summary>
    public abstract double LogProb(ReadOnlySpan<double> z, ReadOnlySpan<double> action);

    /// <summary>H(π(·|s)).</summary>
    public abstract double Entropy(ReadOnlySpan<double> z);

    /// <summary>
    /// Adds <paramref name="logProbWeight"/>·∂ ln π(a|s)/∂z + <paramref name="entropyWeight"/>·∂H/∂z into
    /// <paramref name="dz"/>, and the same derivatives with respect to <see cref="Parameters"/> into their gradients.
    /// </summary>
    public abstract void AddGradient(ReadOnlySpan<double> z, ReadOnlySpan<double> action, double logProbWeight, double entropyWeight, Span<double> dz);

    /// <summary>The environment's action for a stored one (a Gaussian sample is clipped to the Box here).</summary>
    public abstract TAct ToEnv(ReadOnlySpan<double> action);

    /// <summary>Keeps the head's own parameters as π_old for <see cref="KlFromOld"/>.</summary>
    public abstract void Remember();

    /// <summary>KL(π_old(·|s) ‖ π(·|s)) for the old outputs <paramref name="zOld"/> and the current <paramref name="z"/>.</summary>
    public abstract double KlFromOld(ReadOnlySpan<double> zOld, ReadOnlySpan<double> z);

    /// <summary>
    /// Writes M·u into <paramref name="result"/>, M the Fisher information of π(·|s) with respect to z (the Hessian of
    /// KL(π_z ‖ π_z′) at z′ = z): diag(p) − p pᵀ for a categorical, diag(1/σ²) on the means for a Gaussian.
    /// </summary>
    public abstract void FisherProduct(ReadOnlySpan<double> z, ReadOnlySpan<double> u, Span<double> result);

    /// <summary>Adds the Fisher block of the head's own parameters times <paramref name="v"/> into <paramref name="result"/> (2·v for ln σ).</summary>
    public abstract void AddOwnFisherProduct(ReadOnlySpan<double> v, Span<double> result);
}
