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
            "REINFORCE: at each episode's end θ ← θ + β u_t ∇ ln π(a_t|s_t; θ) with the return u_t; softmax or Gaussian π",
            (n, head, o, seed) => new ReinforceAgent<int>(n, head, o, seed), (n, head, o, seed) => new ReinforceAgent<float[]>(n, head, o, seed)),
        Network<ReinforceBaselineOptions>(ReinforceBaselineAgent.AgentName,
            "REINFORCE with baseline: δ_t = v(s_t; w) − u_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v; softmax or Gaussian π",
            (n, head, o, seed) => new ReinforceBaselineAgent<int>(n, head, o, seed), (n, head, o, seed) => new ReinforceBaselineAgent<float[]>(n, head, o, seed)),
        new AgentFactory<ActorCriticOptions>(ActorCriticAgent.AgentName,
            "actor-critic with a q-critic: δ_t = q(s_t,a_t) − (r_t + γ q(s_{t+1},ã_{t+1})), θ ← θ + β q_t ∇ ln π",
            SpaceRequirements.DiscreteActions, _ => new ActorCriticOptions(),
            (env, o, seed) => new ActorCriticAgent(((Box)env.ObservationSpace).Size, ((Discrete)env.ActionSpace).N, o, seed)),
        Network<A2COptions>(A2CAgent.AgentName,
            "A2C: K synchronous envs, m-step targets y_t, δ_t = v(s_t) − y_t, θ ← θ − β δ_t ∇ ln π, w ← w − α δ_t ∇ v; softmax or Gaussian π",
            (n, head, o, seed) => new A2CAgent<int>(n, head, o, seed), (n, head, o, seed) => new A2CAgent<float[]>(n, head, o, seed),
            A2CAgent.DefaultEnvs),
    ];

    /// <summary>
    /// A policy-gradient agent's factory: flat Box observations (n of them); a softmax policy for Discrete actions, the
    /// Gaussian N(μ(s; θ), σ²) with a learned ln σ for Box actions.
    /// </summary>
    private static AgentFactory<TOptions> Network<TOptions>(string name, string description,
        Func<int, ActionHead<int>, TOptions, long, IAgent> createDiscrete, Func<int, ActionHead<float[]>, TOptions, long, IAgent> createBox,
        int defaultEnvs = 1) where TOptions : class, new() =>
        new(name, description, SpaceRequirements.AnyActions, _ => new TOptions(),
            (env, options, seed) =>
            {
                int n = ((Box)env.ObservationSpace).Size;
                return env.ActionSpace is Box box
                    ? createBox(n, new GaussianHead(box), options, seed)
                    : createDiscrete(n, new CategoricalHead(((Discrete)env.ActionSpace).N), options, seed);
            }, defaultEnvs);

    /// <inheritdoc />
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
