using RlGym.Core.Agents;
using RlGym.Core.Spaces;

namespace RlGym.Agents.PolicyGradient;

/// <summary>PPO and TRPO, which take Discrete and Box actions, registered under their command-line names.</summary>
public sealed class OnPolicyAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        OnPolicy<PpoOptions>("ppo",
            "PPO: r_t = π(a_t|s_t;θ)/π_old, maximise mean min(r_t A_t, clip(r_t, 1−ε, 1+ε) A_t) with GAE(λ) advantages, minibatch epochs, entropy bonus",
            4, new PpoOptions(), PpoOptions.Continuous,
            (d, head, o, seed) => new PpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new PpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
        OnPolicy<TrpoOptions>("trpo",
            "TRPO: maximise mean r_t A_t subject to mean KL(π_old‖π_θ) ≤ Δ by conjugate gradient on Fisher-vector products and a KL-checked line search",
            2, new TrpoOptions(), new TrpoOptions(),
            (d, head, o, seed) => new TrpoAgent<int>(d, head, o, seed), (d, head, o, seed) => new TrpoAgent<float[]>(d, head, o, seed), o => o.HiddenSizes),
    ];

    /// <inheritdoc/>
    /// <summary>
    /// An on-policy agent's factory: flat Box observations; a categorical head for Discrete actions, a diagonal Gaussian
    /// for Box actions, each with its own defaults (CleanRL's ppo.py and ppo_continuous_action.py for PPO).
    /// </summary>
    private static AgentFactory<TOptions> OnPolicy<TOptions>(string name, string description, int defaultEnvs,
        TOptions discreteDefaults, TOptions boxDefaults,
        Func<int, ActionHead<int>, TOptions, long, IAgent> createDiscrete, Func<int, ActionHead<float[]>, TOptions, long, IAgent> createBox,
        Func<TOptions, int[]> hidden) where TOptions : class =>
        new(name, description, SpaceRequirements.AnyActions, env => env?.ActionSpace is Box ? boxDefaults : discreteDefaults,
            (env, options, seed) =>
            {
                AgentFactory<TOptions>.CheckHiddenSizes(hidden(options));
                int d = ((Box)env.ObservationSpace).Size;
                return env.ActionSpace is Box box
                    ? createBox(d, new GaussianHead(box), options, seed)
                    : createDiscrete(d, new CategoricalHead(((Discrete)env.ActionSpace).N), options, seed);
            }, defaultEnvs);

    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
