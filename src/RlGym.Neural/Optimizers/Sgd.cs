namespace RlGym.Neural.Optimizers;

/// <summary>
/// Stochastic gradient descent, w ← w − α g (the lectures' update), optionally with PyTorch-style momentum:
/// b ← μ b + g (b = g on the first step), w ← w − α b.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer; <paramref name="momentum"/> μ in [0, 1).</summary>
    public Sgd(IEnumerable<Parameter> parameters, LearningRateSchedule learningRate, double momentum = 0)
        : base(parameters, learningRate, momentum > 0 ? 1 : 0)
    {
        if (momentum is < 0 or >= 1 || double.IsNaN(momentum)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must lie in [0, 1).");
        Momentum = momentum;
    }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    private protected override void Update(int index, Span<double> value, ReadOnlySpan<double> gradient, double learningRate, long step)
    {
        if (Momentum == 0)
        {
            for (int i = 0; i < value.Length; i++) value[i] -= learningRate * gradient[i];
            return;
        }
        var buffer = State[0][index];
        double mu = step == 1 ? 0 : Momentum;
        for (int i = 0; i < value.Length; i++)
        {
            buffer[i] = mu * buffer[i] + gradient[i];
            value[i] -= learningRate * buffer[i];
        }
    }
}
