using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="NStepQLearningAgent"/>.</summary>
public sealed record NStepQLearningOptions : TabularOptions
{
    /// <summary>Steps in the TD target.</summary>
    [Description("n: rewards summed in the TD target before bootstrapping (1 is Q-learning)")]
    [Range(1, 100_000)]
    public int N { get; init; } = 4;
}

/// <summary>
/// n-step Q-learning (lecture 2, "multi-step TD target"): y_t = Σ_{i&lt;n} γ^i r_{t+i} + γ^n max_a Q(s_{t+n}, a).
/// As in the lecture, the n rewards are those the behaviour policy collected, without importance weights, so for
/// n &gt; 1 it learns values between those of the behaviour and the greedy policy. When the episode ends the
/// waiting steps are updated with the rewards left. With n = 1 it is <see cref="QLearningAgent"/> exactly.
/// With K environment copies each copy has its own window of waiting steps.
/// </summary>
public sealed class NStepQLearningAgent : TabularAgent<NStepQLearningOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "n-step-q-learning";

    // Per copy: the steps waiting for their targets.
    private readonly PerCopy<NStepBuffer> _windows;

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public NStepQLearningAgent(int stateCount, int actionCount, NStepQLearningOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) => _windows = new(() => new NStepBuffer(Options.N));

    /// <inheritdoc />
    public override int Act(int observation, bool explore) => explore ? Behaviour(observation) : Greedy(observation);

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        var steps = _windows[t.Copy];
        steps.Push(t.Observation, t.Action, t.Reward);
        double bootstrap = t.Terminated ? 0 : MaxValue(Q, t.NextObservation);

        double gamma = Options.Gamma;
        if (!t.Done)
        {
            if (steps.IsFull)
            {
                // y_τ = Σ_{i<n} γ^i r_{τ+i} + γ^n max_a Q(s_{τ+n}, a)
                UpdateOldest(steps, steps.DiscountedRewards(gamma) + Math.Pow(gamma, steps.Count) * bootstrap);
            }
        }
        else
        {
            // The episode is over: every waiting step's target sums the m rewards left to the end,
            // y_τ = Σ_{i<m} γ^i r_{τ+i} + γ^m max_a Q(s_{τ+m}, a), bootstrapping only if it was truncated.
            var targets = steps.TargetsToEnd(gamma, bootstrap);
            for (int k = 0; k < targets.Length; k++) UpdateOldest(steps, targets[k]);
        }
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

    /// <inheritdoc />
    protected override void OnLoaded() => _windows.Clear();

    /// <inheritdoc />
    protected override void WriteState(Utf8JsonWriter writer)
    {
        // Per copy: its waiting steps.
        writer.WriteStartArray("copies");
        for (int copy = 0; copy < _windows.Count; copy++) _windows[copy].Write(writer);
        writer.WriteEndArray();
    }

    /// <inheritdoc />
    protected override void ReadState(JsonElement state)
    {
        int copy = 0;
        foreach (var steps in state.GetProperty("copies").EnumerateArray()) _windows[copy++].Read(steps);
    }
}
