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
/// left (shorter sums). With n = 1 it is <see cref="SarsaAgent"/> exactly.
/// </summary>
public sealed class NStepSarsaAgent : TabularAgent<NStepSarsaOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "n-step-sarsa";

    private NStepBuffer _steps;
    private int _nextState = -1;
    private int _nextAction = -1;

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public NStepSarsaAgent(int stateCount, int actionCount, NStepSarsaOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) => _steps = new NStepBuffer(Options.N);

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
        _steps.Push(t.Observation, t.Action, t.Reward);

        // a_{t+1} ~ π(·|s_{t+1}): bootstrapped on now, taken by the next Act.
        int nextAction = t.Terminated ? -1 : Behaviour(t.NextObservation);
        double bootstrap = t.Terminated ? 0 : Q[t.NextObservation, nextAction];

        double gamma = Options.Gamma;
        if (!t.Done)
        {
            if (_steps.IsFull)
            {
                // y_τ = Σ_{i<n} γ^i r_{τ+i} + γ^n Q(s_{τ+n}, a_{τ+n})
                UpdateOldest(_steps.DiscountedRewards(gamma) + Math.Pow(gamma, _steps.Count) * bootstrap);
            }
        }
        else
        {
            // The episode is over: every waiting step's target sums the m rewards left to the end,
            // y_τ = Σ_{i<m} γ^i r_{τ+i} + γ^m Q(s_{τ+m}, a_{τ+m}), bootstrapping only if it was truncated.
            var targets = _steps.TargetsToEnd(gamma, bootstrap);
            for (int k = 0; k < targets.Length; k++) UpdateOldest(targets[k]);
        }

        (_nextState, _nextAction) = t.Done ? (-1, -1) : (t.NextObservation, nextAction);
        Steps++;
    }

    private void UpdateOldest(double y)
    {
        // δ_τ = Q(s_τ, a_τ) − y_τ;  Q(s_τ, a_τ) ← Q(s_τ, a_τ) − α δ_τ
        ref double q = ref Q[_steps.OldestState, _steps.OldestAction];
        double delta = q - y;
        q -= Options.Alpha * delta;

        _steps.DropOldest();
    }

    /// <inheritdoc />
    public override void EndEpisode()
    {
        // Observe flushed the buffer on the last transition; an episode cut off by the trainer leaves no target.
        _steps.Clear();
        _nextState = _nextAction = -1;
        base.EndEpisode();
    }

    /// <summary>The action drawn for the next step and not yet taken (-1 when none).</summary>
    public int PendingAction => _nextAction;

    /// <inheritdoc />
    protected override void OnLoaded()
    {
        _steps = new NStepBuffer(Options.N);
        _nextState = _nextAction = -1;
    }

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
