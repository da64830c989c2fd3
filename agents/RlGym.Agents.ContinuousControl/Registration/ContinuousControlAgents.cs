using RlGym.Core.Agents;
using RlGym.Core.Spaces;

namespace RlGym.Agents.ContinuousControl;

/// <summary>The agents for continuous (Box) actions, registered under their command-line names.</summary>
public sealed class ContinuousControlAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        Continuous<DdpgOptions>(DdpgAgent.AgentName,
            "deterministic policy gradient with target networks: y = r + γ q(s′,μ(s′;θ⁻);w⁻), θ ← θ + β ∇_a q(s,a;w) ∇_θ μ(s;θ)",
            (d, bounds, o, seed) => new DdpgAgent(d, bounds, o, seed), o => o.HiddenSizes),
        Continuous<Td3Options>(Td3Agent.AgentName,
            "twin delayed DDPG: y = r + γ min_j q_j(s′, clip(μ(s′;θ⁻) + clip(ε)); w_j⁻), delayed actor and target updates",
            (d, bounds, o, seed) => new Td3Agent(d, bounds, o, seed), o => o.HiddenSizes),
        Continuous<SacOptions>(SacAgent.AgentName,
            "soft actor-critic: squashed Gaussian policy, twin critics, y = r + γ (min_j q_j(s′,a′;w_j⁻) − α ln π(a′|s′)), α tuned to entropy −|A|",
            (d, bounds, o, seed) => new SacAgent(d, bounds, o, seed), o => o.HiddenSizes),
    ];

    /// <inheritdoc/>
    /// <summary>A continuous-control agent's factory: flat Box observations, bounded flat Box actions.</summary>
    private static AgentFactory<TOptions> Continuous<TOptions>(string name, string description,
        Func<int, ActionBounds, TOptions, long, IAgent> create, Func<TOptions, int[]> hidden) where TOptions : class, new() =>
        new(name, description, SpaceRequirements.ContinuousActions, _ => new TOptions(), (env, options, seed) =>
        {
            AgentFactory<TOptions>.CheckHiddenSizes(hidden(options), atLeastOne: true);
            return create(((Box)env.ObservationSpace).Size, new ActionBounds((Box)env.ActionSpace), options, seed);
        });

    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
