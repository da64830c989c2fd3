namespace RlGym.Agents.Tabular;

/// <summary>How a tabular agent's behaviour policy turns Q(s, ·) into an action.</summary>
public enum ExplorationKind
{
    /// <summary>With probability ε a uniformly random action, otherwise a greedy one.</summary>
    EpsilonGreedy,

    /// <summary>Boltzmann exploration: π(a|s) ∝ exp(Q(s, a) / temperature).</summary>
    Softmax,
}
