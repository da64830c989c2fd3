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
/// The contract shared by every agent. The trainer owns K copies of the environment (K = 1 unless the run asks for
/// more) and runs one loop: it hands the K current observations to <see cref="Act(ReadOnlySpan{TObs}, Span{TAct})"/>,
/// steps every copy with its action, and hands the step's transitions to
/// <see cref="Observe(ReadOnlySpan{Transition{TObs, TAct}})"/>. An episode ends with the transition whose
/// <see cref="Transition{TObs,TAct}.Done"/> is true; an agent that learns from whole episodes (Monte Carlo,
/// REINFORCE) learns there.
/// <para>
/// Copies reset as Gymnasium's vector environments do by default (next-step autoreset): the step after a copy's
/// episode ended resets that copy, its action is ignored, and it yields no transition. So a batch of transitions
/// can hold fewer than K entries; each names its copy.
/// </para>
/// <para>
/// An agent that thinks one observation at a time implements only <see cref="Act(TObs, bool)"/> and
/// <see cref="Observe(in Transition{TObs, TAct})"/>: the batch members call them copy by copy. Agents that batch
/// (networks) or keep per-copy state override the batch members.
/// </para>
/// </summary>
public interface IAgent<TObs, TAct> : IAgent where TObs : notnull where TAct : notnull
{
    /// <summary>Chooses an action for one observation: by the behaviour policy when <paramref name="explore"/>, greedily otherwise.</summary>
    TAct Act(TObs observation, bool explore);

    /// <summary>
    /// Chooses the behaviour policy's action for each copy: <paramref name="actions"/>[i] for
    /// <paramref name="observations"/>[i], the current observation of copy i.
    /// </summary>
    void Act(ReadOnlySpan<TObs> observations, Span<TAct> actions)
    {
        for (int i = 0; i < observations.Length; i++) actions[i] = Act(observations[i], explore: true);
    }

    /// <summary>Learns from one transition (an on-policy agent may choose its next action here).</summary>
    void Observe(in Transition<TObs, TAct> transition);

    /// <summary>Learns from one vector step's transitions, in copy order; copies being reset this step have none.</summary>
    void Observe(ReadOnlySpan<Transition<TObs, TAct>> transitions)
    {
        foreach (ref readonly var t in transitions) Observe(in t);
    }
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
