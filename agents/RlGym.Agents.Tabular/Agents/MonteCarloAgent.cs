using System.ComponentModel;
using System.Text.Json;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="MonteCarloAgent"/>.</summary>
public sealed record MonteCarloOptions : TabularOptions
{
    /// <summary>Average returns (α = 1/N(s,a)) instead of the constant <see cref="TabularOptions.Alpha"/>.</summary>
    [Description("use α = 1/N(s,a), the running average of first-visit returns, instead of the constant alpha")]
    public bool SampleAverage { get; init; } = true;
}

/// <summary>
/// First-visit Monte Carlo control with an ε-soft policy (Sutton &amp; Barto §5.4; the "full return" end of lecture
/// 2's multi-step targets). It acts ε-greedily through an episode, and at its end moves Q(s_t, a_t) towards the
/// return u_t = Σ_{k≥t} γ^{k−t} r_k that followed the first visit of (s_t, a_t). A truncated episode's return is
/// simply cut short: Monte Carlo never bootstraps. With K environment copies each copy's episode is kept apart and
/// learned from when that copy's episode ends.
/// </summary>
public sealed class MonteCarloAgent : TabularAgent<MonteCarloOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "monte-carlo";

    // Each copy's episode so far.
    private readonly PerCopy<EpisodeSteps> _episodes = new(() => new EpisodeSteps());

    // First visits: _firstVisit[s·|A| + a] is the step of the first visit in episode _visitStamp[...]; stamping
    // with the episode number spares clearing the table every episode.
    private readonly int[] _firstVisit;
    private readonly long[] _visitStamp;

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public MonteCarloAgent(int stateCount, int actionCount, MonteCarloOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed)
    {
        Visits = new double[stateCount * actionCount];
        _firstVisit = new int[stateCount * actionCount];
        _visitStamp = new long[stateCount * actionCount];
        Array.Fill(_visitStamp, -1);
    }

    /// <summary>N(s, a): first visits counted so far, flat like <see cref="QTable.Values"/>.</summary>
    public double[] Visits { get; }

    /// <inheritdoc />
    public override int Act(int observation, bool explore) => explore ? Behaviour(observation) : Greedy(observation);

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        var episode = _episodes[t.Copy];
        episode.Add(t.Observation, t.Action, t.Reward);
        if (t.Done)
        {
            Learn(episode);
            episode.Clear();
        }
        Count(t);
    }

    private void Learn(EpisodeSteps episode)
    {
        double gamma = Options.Gamma;
        int actions = ActionCount;
        var states = episode.States;
        var taken = episode.Actions;
        var rewards = episode.Rewards;
        for (int t = 0; t < episode.Count; t++)
        {
            int sa = states[t] * actions + taken[t];
            if (_visitStamp[sa] == Episodes) continue;
            _visitStamp[sa] = Episodes;
            _firstVisit[sa] = t;
        }

        // u_t = r_t + γ u_{t+1}, accumulated backwards from the episode's end.
        double u = 0;
        for (int t = episode.Count - 1; t >= 0; t--)
        {
            u = rewards[t] + gamma * u;
            int sa = states[t] * actions + taken[t];
            if (_firstVisit[sa] != t) continue;

            // α = 1/N(s_t, a_t) makes Q the average of the first-visit returns; otherwise α is constant.
            Visits[sa]++;
            double alpha = Options.SampleAverage ? 1.0 / Visits[sa] : Options.Alpha;

            // δ_t = Q(s_t, a_t) − u_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
            ref double q = ref Q.Values[sa];
            double delta = q - u;
            q -= alpha * delta;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, double[] Values)> Tables => [("q", Q.Values), ("visits", Visits)];

    /// <inheritdoc />
    protected override void OnLoaded()
    {
        _episodes.Clear();
        Array.Fill(_visitStamp, -1);
    }

    /// <inheritdoc />
    protected override void WriteState(Utf8JsonWriter writer)
    {
        // Per copy: its unfinished episode.
        writer.WriteStartArray("copies");
        for (int copy = 0; copy < _episodes.Count; copy++) _episodes[copy].Write(writer);
        writer.WriteEndArray();
    }

    /// <inheritdoc />
    protected override void ReadState(JsonElement state)
    {
        int copy = 0;
        foreach (var steps in state.GetProperty("copies").EnumerateArray()) _episodes[copy++].Read(steps);
    }
}
