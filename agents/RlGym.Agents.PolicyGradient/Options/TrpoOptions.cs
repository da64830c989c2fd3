using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of TRPO. The defaults are Stable-Baselines3 zoo's CartPole-v1 TRPO (2 copies × 512 steps,
/// λ 0.98, conjugate-gradient damping 1e-3, 20 critic epochs with learning rate 1e-3) on SB3's TRPO defaults (Δ = 0.01,
/// 15 conjugate-gradient steps, line search shrinking by 0.8 up to 10 times, 64-64 tanh networks).
/// </summary>
public sealed record TrpoOptions
{
    /// <summary>Steps per copy in a rollout.</summary>
    [Description("transitions per copy in a rollout (the rollout holds copies × num_steps)")]
    [Range(1, 1_000_000)]
    public int NumSteps { get; init; } = 512;

    /// <summary>Discount γ.</summary>
    [Description("discount γ")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>λ of GAE.</summary>
    [Description("λ of GAE(λ): A_t = δ_t + γλ A_{t+1}")]
    [Range(0.0, 1.0)]
    public double GaeLambda { get; init; } = 0.98;

    /// <summary>Normalise advantages over the rollout.</summary>
    [Description("normalise advantages to mean 0 and standard deviation 1 over the rollout")]
    public bool NormAdv { get; init; } = true;

    /// <summary>Δ, the trust region's radius in mean KL.</summary>
    [Description("Δ: the step keeps mean KL(π_old ‖ π_θ) ≤ Δ")]
    [Range(0.0, 10.0)]
    public double TargetKl { get; init; } = 0.01;

    /// <summary>Conjugate-gradient iterations.</summary>
    [Description("conjugate-gradient iterations solving F x = g")]
    [Range(1, 1_000)]
    public int CgMaxSteps { get; init; } = 15;

    /// <summary>Damping added to the Fisher matrix.</summary>
    [Description("damping δ: conjugate gradient solves (F + δI) x = g")]
    [Range(0.0, 10.0)]
    public double CgDamping { get; init; } = 1e-3;

    /// <summary>Line search shrink factor.</summary>
    [Description("the line search multiplies the step by this until KL and improvement hold")]
    [Range(0.0, 1.0)]
    public double LineSearchShrink { get; init; } = 0.8;

    /// <summary>Line search attempts.</summary>
    [Description("most steps tried by the line search before the update is dropped")]
    [Range(1, 1_000)]
    public int LineSearchMaxIter { get; init; } = 10;

    /// <summary>Entropy regularisation.</summary>
    [Description("coefficient of the entropy added to the surrogate")]
    [Range(0.0, 100.0)]
    public double EntCoef { get; init; }

    /// <summary>Critic learning rate.</summary>
    [Description("value network's Adam learning rate")]
    [Range(0.0, 1.0)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Critic epochs per rollout.</summary>
    [Description("epochs of value regression per rollout")]
    [Range(0, 10_000)]
    public int NCriticUpdates { get; init; } = 20;

    /// <summary>Critic minibatch size.</summary>
    [Description("transitions per value-regression minibatch")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; init; } = 512;

    /// <summary>Hidden widths of the policy and of the value network.</summary>
    [Description("hidden layer widths of the policy and the value network (tanh between them), comma-separated")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64, 64];
}
