using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="NStepSarsaAgent"/>.</summary>
public sealed record NStepSarsaOptions : TabularOptions
{
    /// <summary>Steps in the TD target.</summary>
    [Description("n: rewards summed in the TD target before bootstrapping (1 is Sarsa)")]
    [Range(1, 100_000)]
    public int N { get; init; } = 4;
}

/// <summary>
/// n-step Sarsa (lecture 2, "multi-step TD target"): the target sums n rewards before bootstrapping on the action
/// the policy then takes, y_t = Σ_{i&lt;n} γ^i r_{t+i} + γ^n Q(s_{t+n}, a_{t+n}). Each Q(s_t, a_t) is updated n
/// steps late, once its rewards are known; when the episode ends the waiting steps are updated with the rewards
/// left (shorter sums). With n = 1 it is <see cref="SarsaAgent"/> exactly. With K environment copies each copy has
/// its own window of waiting steps and its own a_{t+1}.
/// </summary>
public sealed class NStepSarsaAgent : TabularAgent<NStepSarsaOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "n-step-sarsa";

    // Per copy: the steps waiting for their targets, and a_{t+1} owed to the next Act in s_{t+1} (-1, -1: none).
    private readonly PerCopy<NStepBuffer> _windows;
    private readonly PerCopy<(int State, int Action)> _next = new(() => (-1, -1));

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public NStepSarsaAgent(int stateCount, int actionCount, NStepSarsaOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) => _windows = new(() => new NStepBuffer(Options.N));

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
        var steps = _windows[t.Copy];
        steps.Push(t.Observation, t.Action, t.Reward);

        // a_{t+1} ~ π(·|s_{t+1}): bootstrapped on now, taken by the next Act.
        int nextAction = t.Terminated ? -1 : Behaviour(t.NextObservation);
        double bootstrap = t.Terminated ? 0 : Q[t.NextObservation, nextAction];

        double gamma = Options.Gamma;
        if (!t.Done)
        {
            if (steps.IsFull)
            {
                // y_τ = Σ_{i<n} γ^i r_{τ+i} + γ^n Q(s_{τ+n}, a_{τ+n})
                UpdateOldest(steps, steps.DiscountedRewards(gamma) + Math.Pow(gamma, steps.Count) * bootstrap);
            }
        }
        else
        {
            // The episode is over: every waiting step's target sums the m rewards left to the end,
            // y_τ = Σ_{i<m} γ^i r_{τ+i} + γ^m Q(s_{τ+m}, a_{τ+m}), bootstrapping only if it was truncated.
            var targets = steps.TargetsToEnd(gamma, bootstrap);
            for (int k = 0; k < targets.Length; k++) UpdateOldest(steps, targets[k]);
        }

        _next[t.Copy] = t.Done ? (-1, -1) : (t.NextObservation, nextAction);
        Count(t);
    }

    private void UpdateOldest(NStepBuffer steps, double y)
    {
        // δ_τ = Q(s_τ, a_τ) − y_τ;  Q(s_τ, a_τ) ← Q(s_τ, a_τ) − α δ_τ
        ref double q = ref Q[steps.OldestState, steps.OldestAction];
        double delta = q - y;
        q -= Options.Alpha * delta;

        steps.DropOldest();
    }

    /// <summary>The action drawn for copy 0's next step and not yet taken (-1 when none).</summary>
    public int PendingAction => _next[0].Action;

    /// <inheritdoc />
    protected override void OnLoaded()
    {
        _windows.Clear();
        _next.Clear();
    }

    /// <inheritdoc />
    protected override void WriteState(Utf8JsonWriter writer)
    {
        // Per copy: its waiting steps and its [s_{t+1}, a_{t+1}].
        writer.WriteStartArray("copies");
        for (int copy = 0; copy < Math.Max(_windows.Count, _next.Count); copy++)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("steps");
            _windows[copy].Write(writer);
            writer.WriteStartArray("next");
            writer.WriteNumberValue(_next[copy].State);
            writer.WriteNumberValue(_next[copy].Action);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <inheritdoc />
    protected override void ReadState(JsonElement state)
    {
        int copy = 0;
        foreach (var c in state.GetProperty("copies").EnumerateArray())
        {
            _windows[copy].Read(c.GetProperty("steps"));
            var next = c.GetProperty("next");
            _next[copy++] = (next[0].GetInt32(), next[1].GetInt32());
        }
    }
}
