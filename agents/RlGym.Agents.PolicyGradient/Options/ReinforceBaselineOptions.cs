using System.ComponentModel;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of <see cref="ReinforceBaselineAgent"/>; the defaults solve CartPole-v1 within 2 000 episodes.
/// δ_t = v(s_t; w) − u_t, θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ), w ← w − α δ_t ∇w v(s_t; w).
/// </summary>
public sealed record ReinforceBaselineOptions : CriticOptions
{
    /// <summary>Bootstrap a truncated episode's returns from the value network.</summary>
    [Description("when a time limit cuts the episode, continue the returns with γ v(s_n; w) instead of 0")]
    public bool BootstrapTruncation { get; init; } = true;

    /// <summary>One step per t instead of one step on the episode's sum.</summary>
    [Description("step once per time step t at the episode's end, as Sutton & Barto's loop does, instead of once on the summed gradient")]
    public bool StepEachT { get; init; }
}
