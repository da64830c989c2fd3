using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Hyperparameters of <see cref="A2CAgent"/>; the defaults solve CartPole-v1 within 200 000 environment steps.</summary>
public sealed record A2COptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in the TD target y_t = Σ_{i<m} γ^i r_{t+i} + γ^m v(s_{t+m}; w)")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy step size β.</summary>
    [Description("step size β of the policy network, θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ)")]
    [Range(0.0, 1.0)]
    public double PolicyLearningRate { get; init; } = 2e-3;

    /// <summary>Value step size α (larger than β: returns near 100 take v(s; w) many steps to reach, and until it does
    /// the advantages are mostly noise; measured on CartPole, α = 10⁻² halves the steps to solve against 10⁻³).</summary>
    [Description("step size α of the value network, w ← w − α δ_t ∇w v(s_t; w)")]
    [Range(0.0, 1.0)]
    public double ValueLearningRate { get; init; } = 1e-2;

    /// <summary>Steps per rollout, m.</summary>
    [Description("m: steps each environment plays per update; the first step of a rollout gets the m-step target")]
    [Range(1, 4096)]
    public int NSteps { get; init; } = 16;

    /// <summary>Synchronous environments, K.</summary>
    [Description("K: environments stepped in lockstep (the trainer's own plus K − 1 copies made from its spec)")]
    [Range(1, 1024)]
    public int NumEnvs { get; init; } = 8;

    /// <summary>Entropy bonus λ.</summary>
    [Description("λ: weight of the policy's entropy added to the objective (entropy regularisation)")]
    [Range(0.0, 10.0)]
    public double EntCoef { get; init; }

    /// <summary>Gradient clipping.</summary>
    [Description("clip each network's gradient to this global norm before its step; 0 turns clipping off")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>Hidden layer widths of both networks.</summary>
    [Description("hidden layer widths of the policy and value networks, comma-separated (empty: linear)")]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Hidden nonlinearity.</summary>
    [Description("hidden-layer nonlinearity: tanh or re-lu")]
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The optimizer of both networks.</summary>
    [Description("optimizer of both networks: adam, sgd (the lecture's plain step) or rms-prop")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
}
