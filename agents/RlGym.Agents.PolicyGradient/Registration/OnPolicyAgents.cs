using RlGym.Core.Agents;

namespace RlGym.Agents.PolicyGradient;

/// <summary>PPO and TRPO, which take Discrete and Box actions, registered under their command-line names.</summary>
public sealed class OnPolicyAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        new OnPolicyAgentFactory<PpoOptions>("ppo",
            "PPO: r_t = π(a_t|s_t;θ)/π_old, maximise mean min(r_t A_t, clip(r_t, 1−ε, 1+ε) A_t) with GAE(λ) advantages, minibatch epochs, entropy bonus",
            4, new PpoOptions(), PpoOptions.Continuous,
            (d, head, o, seed) => new PpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new PpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
        new OnPolicyAgentFactory<TrpoOptions>("trpo",
            "TRPO: maximise mean r_t A_t subject to mean KL(π_old‖π_θ) ≤ Δ by conjugate gradient on Fisher-vector products and a KL-checked line search",
            2, new TrpoOptions(), new TrpoOptions(),
            (d, head, o, seed) => new TrpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new TrpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
    ];

    /// <inheritdoc/>
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
