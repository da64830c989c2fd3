using System.Text.Json;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="SarsaAgent"/> (all shared with the other tabular agents).</summary>
public sealed record SarsaOptions : TabularOptions;

/// <summary>
/// Tabular Sarsa (lecture 2, "TD learning"): on-policy TD control on (s_t, a_t, r_t, s_{t+1}, a_{t+1}). The next
/// action a_{t+1} is drawn from the behaviour policy when the transition is observed, used in the target, and then
/// actually taken by the next <see cref="Act(int, bool)"/>, so the values learned are those of the policy followed.
/// With K environment copies each copy is owed its own a_{t+1}.
/// </summary>
public sealed class SarsaAgent : TabularAgent<SarsaOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "sarsa";

    // a_{t+1} of each copy, chosen in Observe for the target and owed to the next Act in s_{t+1} (-1, -1: none).
    private readonly PerCopy<(int State, int Action)> _next = new(() => (-1, -1));

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public SarsaAgent(int stateCount, int actionCount, SarsaOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) { }

    /// <inheritdoc />
    public override int Act(int observation, bool explore) => explore ? ActFor(copy: 0, observation) : Greedy(observation);

    /// <inheritdoc />
    public override void Act(ReadOnlySpan<int> observations, Span<int> actions)
    {
        for (int copy = 0; copy < observations.Length; copy++) actions[copy] = ActFor(copy, observations[copy]);
    }

    // The a_{t+1} drawn for this copy's state when its last transition was observed; a fresh draw at an episode's start.
    private int ActFor(int copy, int state)
    {
        var (s, a) = _next[copy];
        _next[copy] = (-1, -1);
        return s == state ? a : Behaviour(state);
    }

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        double gamma = Options.Gamma, alpha = Options.Alpha;

        // a_{t+1} ~ π(·|s_{t+1}), drawn before Q changes, as the algorithm's order has it.
        int nextAction = t.Terminated ? -1 : Behaviour(t.NextObservation);

        // y_t = r_t + γ Q(s_{t+1}, a_{t+1}); a terminal s_{t+1} is worth 0, a truncated one still bootstraps.
        double y = t.Reward + (t.Terminated ? 0 : gamma * Q[t.NextObservation, nextAction]);

        // δ_t = Q(s_t, a_t) − y_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
        ref double q = ref Q[t.Observation, t.Action];
        double delta = q - y;
        q -= alpha * delta;

        // The episode goes on from s_{t+1} with a_{t+1}; after the last step there is no next action to take.
        _next[t.Copy] = t.Done ? (-1, -1) : (t.NextObservation, nextAction);
        Count(t);
    }

    /// <summary>The action drawn for copy 0's next step and not yet taken (-1 when none); tests and renderers read it.</summary>
    public int PendingAction => _next[0].Action;

    /// <inheritdoc />
    protected override void OnLoaded() => _next.Clear();

    /// <inheritdoc />
    protected override void WriteState(Utf8JsonWriter writer)
    {
        // One [s_{t+1}, a_{t+1}] pair per copy.
        writer.WriteStartArray("next");
        for (int copy = 0; copy < _next.Count; copy++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(_next[copy].State);
            writer.WriteNumberValue(_next[copy].Action);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    /// <inheritdoc />
    protected override void ReadState(JsonElement state)
    {
        int copy = 0;
        foreach (var pair in state.GetProperty("next").EnumerateArray())
            _next[copy++] = (pair[0].GetInt32(), pair[1].GetInt32());
    }
}
