using System.ComponentModel;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of <see cref="ActorCriticAgent"/>: δ_t = q(s_t, a_t; w) − (r_t + γ q(s_{t+1}, ã_{t+1}; w)),
/// w ← w − α δ_t ∇w q(s_t, a_t; w), θ ← θ + β q_t ∇θ ln π(a_t|s_t; θ).
/// </summary>
public sealed record ActorCriticOptions : CriticOptions
{
    /// <summary>The actor-critic's defaults: a slow actor (β = 10⁻⁴) behind a critic ten times faster (α = 10⁻³).</summary>
    public ActorCriticOptions()
    {
        Beta = 1e-4;
        Alpha = 1e-3;
        MaxGradNorm = 0.5;
    }

    /// <summary>What multiplies ∇ ln π in the actor's step.</summary>
    [Description("actor's weight: q (q_t, as the lecture writes it) or td-error (−δ_t, the baseline idea)")]
    public AdvantageKind Advantage { get; init; } = AdvantageKind.Q;
}
