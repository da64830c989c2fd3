namespace RlGym.Neural.Losses;

/// <summary>
/// Huber loss with threshold δ (1 by default, PyTorch's <c>smooth_l1_loss</c> and the DQN paper's error clipping):
/// ℓ(e) = ½ e² for |e| ≤ δ, δ(|e| − ½δ) beyond; ℓ′(e) = clamp(e, −δ, δ). Inside the threshold it equals <see cref="MseLoss"/>.
/// </summary>
public sealed class HuberLoss : RegressionLoss
{
    /// <summary>Creates the loss; <paramref name="delta"/> must be positive.</summary>
    public HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) : base(reduction)
    {
        if (!(delta > 0)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be positive.");
        Delta = delta;
    }

    /// <summary>The threshold δ between the quadratic and linear parts.</summary>
    public double Delta { get; }

    /// <inheritdoc/>
    public override double Pointwise(double error)
    {
        double a = Math.Abs(error);
        return a <= Delta ? 0.5 * error * error : Delta * (a - 0.5 * Delta);
    }

    /// <inheritdoc/>
    public override double Derivative(double error) => Math.Clamp(error, -Delta, Delta);
}
