using RlGym.Core.Agents;

namespace RlGym.Agents.ValueBased;

/// <summary>The value-based deep agents of lectures 1 to 3, registered under their command-line names.</summary>
public sealed class ValueBasedAgents : IAgentPackage
{
    /// <summary>One factory per name; all build a <see cref="DqnAgent"/>, differing only in their defaults.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        new DqnAgentFactory(DqnAgent.AgentName,
            "DQN trained by TD with replay and a target network, y = r + γ max_a Q(s',a;w⁻); refinements by --set double, dueling, prioritized, n (multi-step), target_update",
            new DqnOptions()),
        new DqnAgentFactory("double-dqn",
            "double DQN: the online net chooses a* = argmax_a Q(s',a;w), the target net evaluates it",
            new DqnOptions { Double = true }),
        new DqnAgentFactory("dueling-dqn",
            "dueling DQN: Q(s,a) = V(s) + A(s,a) − mean_a A(s,a), trained like DQN",
            new DqnOptions { Dueling = true }),
    ];

    /// <inheritdoc/>
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
