using RlGym.Core.Agents;
using RlGym.Core.Spaces;

namespace RlGym.Agents.ValueBased;

/// <summary>The value-based deep agents of lectures 1 to 3, registered under their command-line names.</summary>
public sealed class ValueBasedAgents : IAgentPackage
{
    /// <summary>One factory per name; all build a <see cref="DqnAgent"/>, differing only in their defaults.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        Dqn(DqnAgent.AgentName,
            "DQN trained by TD with replay and a target network, y = r + γ max_a Q(s',a;w⁻); refinements by --set double, dueling, prioritized, n (multi-step), target_update",
            new DqnOptions()),
        Dqn("double-dqn",
            "double DQN: the online net chooses a* = argmax_a Q(s',a;w), the target net evaluates it",
            new DqnOptions { Double = true }),
        Dqn("dueling-dqn",
            "dueling DQN: Q(s,a) = V(s) + A(s,a) − mean_a A(s,a), trained like DQN",
            new DqnOptions { Dueling = true }),
    ];

    /// <inheritdoc/>
    /// <summary>A DQN variant's factory: flat Box observations, Discrete actions, the variant's defaults.</summary>
    private static AgentFactory<DqnOptions> Dqn(string name, string description, DqnOptions defaults) =>
        new(name, description, SpaceRequirements.DiscreteActions, _ => defaults, (env, options, seed) =>
        {
            AgentFactory<DqnOptions>.CheckHiddenSizes(options.HiddenSizes);
            return new DqnAgent(((Box)env.ObservationSpace).Size, ((Discrete)env.ActionSpace).N, options, seed, name);
        });

    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
