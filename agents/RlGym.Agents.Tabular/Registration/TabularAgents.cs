using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>The tabular agents of the lectures, registered under their command-line names.</summary>
public sealed class TabularAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        new TabularAgentFactory<QLearningOptions>(QLearningAgent.AgentName,
            "tabular Q-learning: off-policy TD control, y = r + γ max_a Q(s',a)",
            (s, a, o, seed) => new QLearningAgent(s, a, o, seed)),
        new TabularAgentFactory<SarsaOptions>(SarsaAgent.AgentName,
            "tabular Sarsa: on-policy TD control, y = r + γ Q(s',a') with a' the action taken next",
            (s, a, o, seed) => new SarsaAgent(s, a, o, seed)),
        new TabularAgentFactory<ExpectedSarsaOptions>(ExpectedSarsaAgent.AgentName,
            "Expected Sarsa: y = r + γ Σ_a π(a|s') Q(s',a)",
            (s, a, o, seed) => new ExpectedSarsaAgent(s, a, o, seed)),
        new TabularAgentFactory<NStepSarsaOptions>(NStepSarsaAgent.AgentName,
            "n-step Sarsa: y = Σ_{i<n} γ^i r_{t+i} + γ^n Q(s_{t+n},a_{t+n})",
            (s, a, o, seed) => new NStepSarsaAgent(s, a, o, seed)),
        new TabularAgentFactory<NStepQLearningOptions>(NStepQLearningAgent.AgentName,
            "n-step Q-learning: y = Σ_{i<n} γ^i r_{t+i} + γ^n max_a Q(s_{t+n},a)",
            (s, a, o, seed) => new NStepQLearningAgent(s, a, o, seed)),
        new TabularAgentFactory<DoubleQLearningOptions>(DoubleQLearningAgent.AgentName,
            "Double Q-learning: two tables, one chooses argmax, the other evaluates it",
            (s, a, o, seed) => new DoubleQLearningAgent(s, a, o, seed)),
        new TabularAgentFactory<MonteCarloOptions>(MonteCarloAgent.AgentName,
            "first-visit Monte Carlo control with an ε-soft policy, updated at each episode's end",
            (s, a, o, seed) => new MonteCarloAgent(s, a, o, seed)),
    ];

    /// <inheritdoc />
    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
