using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The hyperparameters every policy-gradient agent shares, under the lectures' names, so that <c>--set beta=1e-3</c>
/// means the same thing for each of them. Each agent's options record derives from this one (through
/// <see cref="CriticOptions"/> when it also trains a value network), sets its own defaults in its constructor and adds
/// its own settings.
/// </summary>
public abstract record PolicyGradientOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ of future rewards in the returns u_t and TD targets y_t")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy step size β.</summary>
    [Description("step size β of the policy network π(a|s; θ), the θ step along ∇θ ln π(a_t|s_t; θ)")]
    [Range(0.0, 1.0)]
    public double Beta { get; init; } = 1e-3;

    /// <summary>Hidden layer widths of every network.</summary>
    [Description("hidden layer widths of the policy (and value) networks, comma-separated (empty: linear)")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Hidden nonlinearity.</summary>
    [Description("hidden-layer nonlinearity: tanh or re-lu")]
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The optimizer of every network.</summary>
    [Description("optimizer of the networks: adam, sgd (the lecture's plain step) or rms-prop")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Gradient clipping.</summary>
    [Description("clip each network's gradient to this global norm before its step; 0 turns clipping off")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; }
}
