namespace RlGym.Agents.PolicyGradient;

/// <summary>What multiplies ∇θ ln π(a_t|s_t; θ) in the actor-critic's policy step.</summary>
public enum AdvantageKind
{
    /// <summary>q_t = q(s_t, a_t; w), as the lecture writes the actor's step θ ← θ + β q_t ∇θ ln π.</summary>
    Q,

    /// <summary>−δ_t = r_t + γ q(s_{t+1}, ã_{t+1}; w) − q(s_t, a_t; w): the baseline idea, lower variance.</summary>
    TdError,
}
