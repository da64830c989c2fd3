using System.Text.Json;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="SarsaAgent"/> (all shared with the other tabular agents).</summary>
public sealed record SarsaOptions : TabularOptions;

/// <summary>
/// Tabular Sarsa (lecture 2, "TD learning"): on-policy TD control on (s_t, a_t, r_t, s_{t+1}, a_{t+1}). The next
/// action a_{t+1} is drawn from the behaviour policy when the transition is observed, used in the target, and then
/// actually taken by the next <see cref="Act"/>, so the values learned are those of the policy followed.
/// </summary>
public sealed class SarsaAgent : TabularAgent<SarsaOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "sarsa";

    // a_{t+1}, chosen in Observe for the target and owed to the next Act in s_{t+1}.
    private int _nextState = -1;
    private int _nextAction = -1;

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public SarsaAgent(int stateCount, int actionCount, SarsaOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) { }

    /// <inheritdoc />
    public override int Act(int observation, bool explore)
    {
        if (!explore) return Greedy(observation);
        if (observation == _nextState)
        {
            int a = _nextAction;
            _nextState = _nextAction = -1;
            return a;
        }
        return Behaviour(observation);
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
        (_nextState, _nextAction) = t.Done ? (-1, -1) : (t.NextObservation, nextAction);
        Steps++;
    }

    /// <inheritdoc />
    public override void EndEpisode()
    {
        _nextState = _nextAction = -1;
        base.EndEpisode();
    }

    /// <summary>The action drawn for the next step and not yet taken (-1 when none); tests and renderers read it.</summary>
    public int PendingAction => _nextAction;

    /// <inheritdoc />
    protected override void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteNumber("next_state", _nextState);
        writer.WriteNumber("next_action", _nextAction);
    }

    /// <inheritdoc />
    protected override void ReadState(JsonElement state)
    {
        _nextState = state.GetProperty("next_state").GetInt32();
        _nextAction = state.GetProperty("next_action").GetInt32();
    }
}
