using RlGym.Core.Agents;

namespace RlGym.Agents.PolicyGradient;

/// <summary>The policy-gradient agents of the lectures, registered under their command-line names.</summary>
public sealed class PolicyGradientAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        new PolicyGradientAgentFactory<ReinforceOptions>(ReinforceAgent.AgentName,
            "REINFORCE: at each episode's end θ ← θ + β u_t ∇ ln π(a_t|s_t; θ) with the return u_t",
            (_, n, a, o, seed) => new ReinforceAgent(n, a, o, seed)),
        new PolicyGradientAgentFactory<ReinforceBaselineOptions>(ReinforceBaselineAgent.AgentName,
            "REINFORCE with baseline: δ_t = v(s_t; w) − u_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v",
            (_, n, a, o, seed) => new ReinforceBaselineAgent(n, a, o, seed)),
        new PolicyGradientAgentFactory<ActorCriticOptions>(ActorCriticAgent.AgentName,
            "actor-critic with a q-critic: δ_t = q(s_t,a_t) − (r_t + γ q(s_{t+1},ã_{t+1})), θ ← θ + β q_t ∇ ln π",
            (_, n, a, o, seed) => new ActorCriticAgent(n, a, o, seed)),
        new PolicyGradientAgentFactory<A2COptions>(A2CAgent.AgentName,
            "A2C: K synchronous envs, m-step targets y_t, δ_t = v(s_t) − y_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v",
            (_, n, a, o, seed) => new A2CAgent(n, a, o, seed), A2CAgent.DefaultEnvs),
    ];

    /// <inheritdoc />
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
