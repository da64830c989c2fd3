using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The distribution π(·|s) that the policy-gradient agents put on the policy network's outputs z = f(s;θ), one row per state:
/// sampling, log-probabilities, entropy and their gradients with respect to z, and, for TRPO, the KL divergence and the
/// Fisher information in output space; for REINFORCE, REINFORCE with baseline and A2C, the gradient of their batch surrogate. Actions are stored as doubles (an index, or the unclipped Gaussian sample) and
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

    /// <summary>Writes an environment action as a stored one (the inverse of <see cref="ToEnv"/> inside the Box).</summary>
    public abstract void FromEnv(TAct action, Span<double> stored);

    /// <summary>
    /// The lectures' policy step as descent on the batch surrogate
    /// <code>
    /// L = scale · Σ_i [ −w_i ln π(a_i|s_i) − λ H(π(·|s_i)) ]
    /// </code>
    /// (w_i = u_i for REINFORCE, −δ_i with a baseline or a critic): writes ∂L/∂z into <paramref name="dz"/> (batch ×
    /// <see cref="OutputSize"/>, like <paramref name="z"/>) and adds ∂L/∂ of the head's own <see cref="Parameters"/> into
    /// their gradients. <paramref name="actions"/> holds <see cref="ActionWidth"/> doubles per row.
    /// </summary>
    public void SurrogateGradient(Matrix<double> z, ReadOnlySpan<double> actions, ReadOnlySpan<double> weights, double entropyCoefficient,
        double scale, Matrix<double> dz)
    {
        int batch = z.RowCount, outputs = OutputSize;
        if (z.ColumnCount != outputs || dz.RowCount != batch || dz.ColumnCount != outputs || weights.Length != batch || actions.Length != batch * ActionWidth)
            throw new ArgumentException($"The surrogate needs {batch} × {outputs} outputs and gradients, {batch} weights and {batch * ActionWidth} action values.");
        ReadOnlySpan<double> zs = z.AsColumnMajorArray();
        Span<double> g = dz.AsColumnMajorArray();
        Span<double> row = stackalloc double[outputs];
        Span<double> gradient = stackalloc double[outputs];
        for (int i = 0; i < batch; i++)
        {
            for (int j = 0; j < outputs; j++) row[j] = zs[j * batch + i];
            gradient.Clear();
            AddGradient(row, actions.Slice(i * ActionWidth, ActionWidth), -weights[i] * scale, -entropyCoefficient * scale, gradient);
            for (int j = 0; j < outputs; j++) g[j * batch + i] = gradient[j];
        }
    }

    /// <summary>The surrogate L of <see cref="SurrogateGradient"/> itself, for gradient checks.</summary>
    public double Surrogate(Matrix<double> z, ReadOnlySpan<double> actions, ReadOnlySpan<double> weights, double entropyCoefficient, double scale)
    {
        int batch = z.RowCount, outputs = OutputSize;
        ReadOnlySpan<double> zs = z.AsColumnMajorArray();
        Span<double> row = stackalloc double[outputs];
        double total = 0;
        for (int i = 0; i < batch; i++)
        {
            for (int j = 0; j < outputs; j++) row[j] = zs[j * batch + i];
            total -= weights[i] * LogProb(row, actions.Slice(i * ActionWidth, ActionWidth)) + entropyCoefficient * Entropy(row);
        }
        return scale * total;
    }

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
