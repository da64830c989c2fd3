namespace RlGym.Core.Agents;

/// <summary>What every agent offers whatever its types: a name, and saving and loading what it has learned.</summary>
public interface IAgent
{
    /// <summary>The agent's command-line name, e.g. <c>q-learning</c>.</summary>
    string Name { get; }

    /// <summary>Writes everything the agent has learned and its generator state to a versioned stream.</summary>
    void Save(Stream stream);

    /// <summary>Restores what <see cref="Save"/> wrote; the agent then acts identically.</summary>
    void Load(Stream stream);
}

/// <summary>
/// The contract shared by every agent: the trainer calls <see cref="Act"/>, steps the environment, hands the
/// transition to <see cref="Observe"/>, and calls <see cref="EndEpisode"/> once the episode is over.
/// </summary>
public interface IAgent<TObs, TAct> : IAgent where TObs : notnull where TAct : notnull
{
    /// <summary>Chooses an action: by the behaviour policy when <paramref name="explore"/>, greedily otherwise.</summary>
    TAct Act(TObs observation, bool explore);

    /// <summary>Learns from one transition (an on-policy agent may choose its next action here).</summary>
    void Observe(in Transition<TObs, TAct> transition);

    /// <summary>Called after the last transition of an episode (Monte Carlo and REINFORCE learn here).</summary>
    void EndEpisode();
}

/// <summary>Agents that explore with a rate that changes over training (ε of ε-greedy, a temperature).</summary>
public interface IExploring
{
    /// <summary>The current exploration rate, reported in the metrics.</summary>
    double ExplorationRate { get; }
}

/// <summary>
/// Agents that can tell a number per action for an observation; rendering draws them and labels them by
/// <see cref="Kind"/>.
/// </summary>
public interface IActionValues<TObs> where TObs : notnull
{
    /// <summary>Number of actions.</summary>
    int ActionCount { get; }

    /// <summary>What <see cref="ActionValues"/> writes: action values Q(s, a) or policy probabilities π(a|s).</summary>
    ActionValueKind Kind { get; }

    /// <summary>Writes the number of every action a (see <see cref="Kind"/>) into <paramref name="values"/>.</summary>
    void ActionValues(TObs observation, Span<double> values);
}
