using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Hyperparameters of <see cref="ReinforceBaselineAgent"/>; the defaults solve CartPole-v1 within 2 000 episodes.</summary>
public sealed record ReinforceBaselineOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in the return u_t = Σ_{k≥t} γ^{k−t} r_k")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy step size β.</summary>
    [Description("step size β of the policy network, θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ)")]
    [Range(0.0, 1.0)]
    public double PolicyLearningRate { get; init; } = 1e-3;

    /// <summary>Value step size α.</summary>
    [Description("step size α of the value network (the baseline), w ← w − α δ_t ∇w v(s_t; w)")]
    [Range(0.0, 1.0)]
    public double ValueLearningRate { get; init; } = 1e-3;

    /// <summary>Hidden layer widths of both networks.</summary>
    [Description("hidden layer widths of the policy and value networks, comma-separated (empty: linear)")]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Hidden nonlinearity.</summary>
    [Description("hidden-layer nonlinearity: tanh or re-lu")]
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The optimizer of both networks.</summary>
    [Description("optimizer of both networks: adam, sgd (the lecture's plain step) or rms-prop")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Bootstrap a truncated episode's returns from the value network.</summary>
    [Description("when a time limit cuts the episode, continue the returns with γ v(s_n; w) instead of 0")]
    public bool BootstrapTruncation { get; init; } = true;

    /// <summary>One step per t instead of one step on the episode's sum.</summary>
    [Description("step once per time step t at the episode's end, as Sutton & Barto's loop does, instead of once on the summed gradient")]
    public bool StepEachT { get; init; }

    /// <summary>Gradient clipping.</summary>
    [Description("clip each network's gradient to this global norm before its step; 0 turns clipping off")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; }
}
