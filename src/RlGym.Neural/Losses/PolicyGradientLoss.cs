using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Losses;

/// <summary>
/// The policy-gradient surrogate for a softmax policy π(·|s) = softmax(z(s; θ)), taken on the raw logits z:
/// <code>
/// L = Σ_i [ −w_i ln π(a_i|s_i) − λ H(π(·|s_i)) ]        (÷ batch size under Reduction.Mean)
/// ∂L/∂z_ik = −w_i (1[k = a_i] − π_ik) + λ π_ik (ln π_ik + H_i)
/// </code>
/// Minimising L is gradient ascent on the lectures' objective: w_i = u_i gives REINFORCE (θ ← θ + β u ∇θ ln π),
/// w_i = u_i − v(s_i) = −δ_i gives REINFORCE with baseline and A2C. λ is the entropy bonus (0 turns it off).
/// Softmax and logarithms are computed stably (max subtracted), so logits of any size work.
/// </summary>
public sealed class PolicyGradientLoss
{
    private Matrix<double>? _gradient;

    /// <summary>Creates the loss with entropy coefficient λ and a batch reduction.</summary>
    public PolicyGradientLoss(double entropyCoefficient = 0, Reduction reduction = Reduction.Mean)
    {
        if (entropyCoefficient < 0 || double.IsNaN(entropyCoefficient))
            throw new ArgumentOutOfRangeException(nameof(entropyCoefficient), entropyCoefficient, "The entropy coefficient must be ≥ 0.");
        EntropyCoefficient = entropyCoefficient;
        Reduction = reduction;
    }

    /// <summary>λ, the weight of the entropy bonus.</summary>
    public double EntropyCoefficient { get; }

    /// <summary>How per-sample terms are combined.</summary>
    public Reduction Reduction { get; }

    /// <summary>The surrogate L for logits (batch × actions), the actions taken and their weights.</summary>
    public double Value(Matrix<double> logits, ReadOnlySpan<int> actions, ReadOnlySpan<double> weights)
    {
        int batch = Check(logits, actions, weights), width = logits.ColumnCount;
        ReadOnlySpan<double> z = logits.Data();
        double total = 0;
        for (int i = 0; i < batch; i++)
        {
            double logZ = LogNormaliser(z, i, batch, width);
            total -= weights[i] * (z[actions[i] * batch + i] - logZ);
            if (EntropyCoefficient > 0) total -= EntropyCoefficient * Entropy(z, i, batch, width, logZ);
        }
        return Reduction == Reduction.Mean ? total / batch : total;
    }

    /// <summary>∂L/∂logits (batch × actions), owned by the loss; pass it to the policy network's Backward.</summary>
    public Matrix<double> Gradient(Matrix<double> logits, ReadOnlySpan<int> actions, ReadOnlySpan<double> weights)
    {
        int batch = Check(logits, actions, weights), width = logits.ColumnCount;
        if (_gradient is null || _gradient.RowCount != batch || _gradient.ColumnCount != width)
            _gradient = Matrix<double>.Build.Dense(batch, width);
        ReadOnlySpan<double> z = logits.Data();
        Span<double> g = _gradient.Data();
        double scale = Reduction == Reduction.Mean ? 1.0 / batch : 1.0;
        double lambda = EntropyCoefficient;
        for (int i = 0; i < batch; i++)
        {
            double logZ = LogNormaliser(z, i, batch, width);
            double h = lambda > 0 ? Entropy(z, i, batch, width, logZ) : 0;
            double w = weights[i];
            for (int k = 0; k < width; k++)
            {
                double logP = z[k * batch + i] - logZ;
                double p = Math.Exp(logP);
                double d = -w * ((k == actions[i] ? 1 : 0) - p);
                if (lambda > 0) d += lambda * p * (logP + h);
                g[k * batch + i] = scale * d;
            }
        }
        return _gradient;
    }

    /// <summary>The mean entropy of the rows' softmax distributions, for logging.</summary>
    public static double MeanEntropy(Matrix<double> logits)
    {
        int batch = logits.RowCount, width = logits.ColumnCount;
        ReadOnlySpan<double> z = logits.Data();
        double sum = 0;
        for (int i = 0; i < batch; i++) sum += Entropy(z, i, batch, width, LogNormaliser(z, i, batch, width));
        return sum / batch;
    }

    // ln Σ_k exp(z_ik), shifted by the row maximum.
    private static double LogNormaliser(ReadOnlySpan<double> z, int row, int batch, int width)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < width; k++) max = Math.Max(max, z[k * batch + row]);
        double sum = 0;
        for (int k = 0; k < width; k++) sum += Math.Exp(z[k * batch + row] - max);
        return max + Math.Log(sum);
    }

    private static double Entropy(ReadOnlySpan<double> z, int row, int batch, int width, double logZ)
    {
        double h = 0;
        for (int k = 0; k < width; k++)
        {
            double logP = z[k * batch + row] - logZ;
            double p = Math.Exp(logP);
            if (p > 0) h -= p * logP;
        }
        return h;
    }

    private static int Check(Matrix<double> logits, ReadOnlySpan<int> actions, ReadOnlySpan<double> weights)
    {
        int batch = logits.RowCount;
        if (actions.Length != batch || weights.Length != batch)
            throw new ArgumentException($"Logits have {batch} rows but got {actions.Length} actions and {weights.Length} weights.");
        for (int i = 0; i < batch; i++)
            if ((uint)actions[i] >= (uint)logits.ColumnCount)
                throw new ArgumentOutOfRangeException(nameof(actions), actions[i], $"Action of row {i} must lie in [0, {logits.ColumnCount}).");
        return batch;
    }
}
