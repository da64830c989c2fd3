using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Hyperparameters of <see cref="ActorCriticAgent"/>.</summary>
public sealed record ActorCriticOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in the TD target r_t + γ q(s_{t+1}, ã_{t+1}; w)")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy (actor) step size β.</summary>
    [Description("step size β of the policy network (actor), θ ← θ + β q_t ∇θ ln π(a_t|s_t; θ)")]
    [Range(0.0, 1.0)]
    public double PolicyLearningRate { get; init; } = 1e-4;

    /// <summary>Value (critic) step size α.</summary>
    [Description("step size α of the value network q(s, a; w) (critic), w ← w − α δ_t ∇w q(s_t, a_t; w)")]
    [Range(0.0, 1.0)]
    public double ValueLearningRate { get; init; } = 1e-3;

    /// <summary>What multiplies ∇ ln π in the actor's step.</summary>
    [Description("actor's weight: q (q_t, as the lecture writes it) or td-error (−δ_t, the baseline idea)")]
    public AdvantageKind Advantage { get; init; } = AdvantageKind.Q;

    /// <summary>Hidden layer widths of both networks.</summary>
    [Description("hidden layer widths of the policy and value networks, comma-separated (empty: linear)")]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Hidden nonlinearity.</summary>
    [Description("hidden-layer nonlinearity: tanh or re-lu")]
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The optimizer of both networks.</summary>
    [Description("optimizer of both networks: adam, sgd (the lecture's plain step) or rms-prop")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Gradient clipping.</summary>
    [Description("clip each network's gradient to this global norm before its step; 0 turns clipping off")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; } = 0.5;
}
