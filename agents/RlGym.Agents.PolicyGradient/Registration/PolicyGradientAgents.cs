using RlGym.Core.Agents;
using RlGym.Core.Spaces;

namespace RlGym.Agents.PolicyGradient;

/// <summary>The policy-gradient agents of the lectures, registered under their command-line names.</summary>
public sealed class PolicyGradientAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        Network<ReinforceOptions>(ReinforceAgent.AgentName,
            "REINFORCE: at each episode's end θ ← θ + β u_t ∇ ln π(a_t|s_t; θ) with the return u_t",
            (n, a, o, seed) => new ReinforceAgent(n, a, o, seed)),
        Network<ReinforceBaselineOptions>(ReinforceBaselineAgent.AgentName,
            "REINFORCE with baseline: δ_t = v(s_t; w) − u_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v",
            (n, a, o, seed) => new ReinforceBaselineAgent(n, a, o, seed)),
        Network<ActorCriticOptions>(ActorCriticAgent.AgentName,
            "actor-critic with a q-critic: δ_t = q(s_t,a_t) − (r_t + γ q(s_{t+1},ã_{t+1})), θ ← θ + β q_t ∇ ln π",
            (n, a, o, seed) => new ActorCriticAgent(n, a, o, seed)),
        Network<A2COptions>(A2CAgent.AgentName,
            "A2C: K synchronous envs, m-step targets y_t, δ_t = v(s_t) − y_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v",
            (n, a, o, seed) => new A2CAgent(n, a, o, seed), A2CAgent.DefaultEnvs),
    ];

    /// <inheritdoc />
    /// <summary>A policy-gradient agent's factory: flat Box observations (n of them), Discrete actions.</summary>
    private static AgentFactory<TOptions> Network<TOptions>(string name, string description, Func<int, int, TOptions, long, IAgent> create,
        int defaultEnvs = 1) where TOptions : class, new() =>
        new(name, description, SpaceRequirements.DiscreteActions, _ => new TOptions(),
            (env, options, seed) => create(((Box)env.ObservationSpace).Size, ((Discrete)env.ActionSpace).N, options, seed), defaultEnvs);

    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
