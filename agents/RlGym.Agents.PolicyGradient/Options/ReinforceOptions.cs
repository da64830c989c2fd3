using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Hyperparameters of <see cref="ReinforceAgent"/>; the defaults learn CartPole-v1.</summary>
public sealed record ReinforceOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in the return u_t = Σ_{k≥t} γ^{k−t} r_k")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy step size β.</summary>
    [Description("step size β of the policy network, θ ← θ + β u_t ∇θ ln π(a_t|s_t; θ)")]
    [Range(0.0, 1.0)]
    public double PolicyLearningRate { get; init; } = 1e-3;

    /// <summary>Hidden layer widths of π(a|s; θ).</summary>
    [Description("hidden layer widths of the policy network, comma-separated (empty: a linear softmax policy)")]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Hidden nonlinearity.</summary>
    [Description("hidden-layer nonlinearity: tanh or re-lu")]
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The optimizer.</summary>
    [Description("optimizer: adam, sgd (the lecture's plain step) or rms-prop")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Standardise each episode's returns.</summary>
    [Description("standardise each episode's returns to mean 0, deviation 1 before the step (not in the lecture; off by default)")]
    public bool NormalizeReturns { get; init; }

    /// <summary>One step per t instead of one step on the episode's sum.</summary>
    [Description("step once per time step t at the episode's end, as Sutton & Barto's loop does, instead of once on the summed gradient")]
    public bool StepEachT { get; init; }

    /// <summary>Gradient clipping.</summary>
    [Description("clip the policy gradient to this global norm before each step; 0 turns clipping off")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; }
}
