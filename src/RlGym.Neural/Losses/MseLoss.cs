namespace RlGym.Neural.Losses;

/// <summary>
/// Squared error with the lectures' one-half: ℓ(e) = ½ e², ℓ′(e) = e, where e = q − y is the TD error δ.
/// With <see cref="Reduction.Sum"/> and plain SGD the step is exactly w ← w − α δ ∇w q.
/// PyTorch's <c>F.mse_loss</c> has no ½, so its gradients are twice these: to reproduce a PyTorch run with
/// step size α, use 2α here.
/// </summary>
public sealed class MseLoss(Reduction reduction = Reduction.Mean) : RegressionLoss(reduction)
{
    /// <inheritdoc/>
    public override double Pointwise(double error) => 0.5 * error * error;

    /// <inheritdoc/>
    public override double Derivative(double error) => error;
}
