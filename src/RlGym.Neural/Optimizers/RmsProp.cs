namespace RlGym.Neural.Optimizers;

/// <summary>
/// RMSProp as PyTorch defines it: v ← ρ v + (1 − ρ) g², w ← w − α g / (√v + ε), with ρ = 0.99 (PyTorch's alpha).
/// Stable-Baselines3's A2C uses ε = 10⁻⁵.
/// </summary>
public sealed class RmsProp : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    public RmsProp(IEnumerable<Parameter> parameters, LearningRateSchedule learningRate, double decay = 0.99, double epsilon = 1e-8)
        : base(parameters, learningRate, 1)
    {
        if (decay is < 0 or >= 1 || double.IsNaN(decay)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "ρ must lie in [0, 1).");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive.");
        Decay = decay;
        Epsilon = epsilon;
    }

    /// <summary>ρ, the decay of the squared-gradient average.</summary>
    public double Decay { get; }

    /// <summary>ε, added to √v.</summary>
    public double Epsilon { get; }

    private protected override void Update(int index, Span<double> value, ReadOnlySpan<double> gradient, double learningRate, long step)
    {
        var v = State[0][index];
        for (int i = 0; i < value.Length; i++)
        {
            double g = gradient[i];
            v[i] = Decay * v[i] + (1 - Decay) * g * g;
            value[i] -= learningRate * g / (Math.Sqrt(v[i]) + Epsilon);
        }
    }
}
