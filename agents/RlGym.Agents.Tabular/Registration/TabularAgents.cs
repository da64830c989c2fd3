using RlGym.Core.Agents;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular;

/// <summary>The tabular agents of the lectures, registered under their command-line names.</summary>
public sealed class TabularAgents : IAgentPackage
{
    /// <summary>One factory per agent.</summary>
    public static IReadOnlyList<IAgentFactory> Factories { get; } =
    [
        Tabular<QLearningOptions>(QLearningAgent.AgentName,
            "tabular Q-learning: off-policy TD control, y = r + γ max_a Q(s',a)",
            (s, a, o, seed) => new QLearningAgent(s, a, o, seed)),
        Tabular<SarsaOptions>(SarsaAgent.AgentName,
            "tabular Sarsa: on-policy TD control, y = r + γ Q(s',a') with a' the action taken next",
            (s, a, o, seed) => new SarsaAgent(s, a, o, seed)),
        Tabular<ExpectedSarsaOptions>(ExpectedSarsaAgent.AgentName,
            "Expected Sarsa: y = r + γ Σ_a π(a|s') Q(s',a)",
            (s, a, o, seed) => new ExpectedSarsaAgent(s, a, o, seed)),
        Tabular<NStepSarsaOptions>(NStepSarsaAgent.AgentName,
            "n-step Sarsa: y = Σ_{i<n} γ^i r_{t+i} + γ^n Q(s_{t+n},a_{t+n})",
            (s, a, o, seed) => new NStepSarsaAgent(s, a, o, seed)),
        Tabular<NStepQLearningOptions>(NStepQLearningAgent.AgentName,
            "n-step Q-learning: y = Σ_{i<n} γ^i r_{t+i} + γ^n max_a Q(s_{t+n},a)",
            (s, a, o, seed) => new NStepQLearningAgent(s, a, o, seed)),
        Tabular<DoubleQLearningOptions>(DoubleQLearningAgent.AgentName,
            "Double Q-learning: two tables, one chooses argmax, the other evaluates it",
            (s, a, o, seed) => new DoubleQLearningAgent(s, a, o, seed)),
        Tabular<MonteCarloOptions>(MonteCarloAgent.AgentName,
            "first-visit Monte Carlo control with an ε-soft policy, updated at each episode's end",
            (s, a, o, seed) => new MonteCarloAgent(s, a, o, seed)),
    ];

    /// <inheritdoc />
    /// <summary>
    /// A tabular agent's factory: Discrete observations and actions; actions a state forbids (MaximizationBias's A)
    /// are never chosen, explored or bootstrapped on.
    /// </summary>
    private static AgentFactory<TOptions> Tabular<TOptions>(string name, string description, Func<int, int, TOptions, long, IAgent> create)
        where TOptions : TabularOptions, new() =>
        new(name, description, SpaceRequirements.Tabular, _ => new TOptions(), (env, options, seed) =>
        {
            var agent = create(((Discrete)env.ObservationSpace).N, ((Discrete)env.ActionSpace).N, options, seed);
            if (env.Unwrapped is IActionMask mask && agent is TabularAgent<TOptions> tabular) tabular.RestrictActions(mask);
            return agent;
        });

    public void Register(AgentRegistry registry)
    {
        foreach (var factory in Factories) registry.Register(factory);
    }
}
