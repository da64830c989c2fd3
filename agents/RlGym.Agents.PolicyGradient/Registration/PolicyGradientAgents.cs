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
            (env, n, a, o, seed) => new A2CAgent(n, a, o, seed, o.NumEnvs > 1 ? EnvCopies.Maker(env, A2CAgent.AgentName) : null)),
        new OnPolicyAgentFactory<PpoOptions>("ppo",
            "PPO: r_t = π(a_t|s_t;θ)/π_old, maximise mean min(r_t A_t, clip(r_t, 1−ε, 1+ε) A_t) with GAE(λ) advantages, minibatch epochs, entropy bonus",
            4, new PpoOptions(), PpoOptions.Continuous,
            (d, head, o, seed) => new PpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new PpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
        new OnPolicyAgentFactory<TrpoOptions>("trpo",
            "TRPO: maximise mean r_t A_t subject to mean KL(π_old‖π_θ) ≤ Δ by conjugate gradient on Fisher-vector products and a KL-checked line search",
            2, new TrpoOptions(), new TrpoOptions(),
            (d, head, o, seed) => new TrpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new TrpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
    ];

    /// <inheritdoc />
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
