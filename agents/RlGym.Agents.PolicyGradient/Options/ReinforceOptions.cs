using System.ComponentModel;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of <see cref="ReinforceAgent"/>; the defaults learn CartPole-v1. REINFORCE has only the policy's
/// step size β: θ ← θ + β u_t ∇θ ln π(a_t|s_t; θ).
/// </summary>
public sealed record ReinforceOptions : PolicyGradientOptions
{
    /// <summary>Standardise each episode's returns.</summary>
    [Description("standardise each episode's returns to mean 0, deviation 1 before the step (not in the lecture; off by default)")]
    public bool NormalizeReturns { get; init; }

    /// <summary>One step per t instead of one step on the episode's sum.</summary>
    [Description("step once per time step t at the episode's end, as Sutton & Barto's loop does, instead of once on the summed gradient")]
    public bool StepEachT { get; init; }
}
