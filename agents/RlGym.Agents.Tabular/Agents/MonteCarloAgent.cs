using System.ComponentModel;
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
/// simply cut short: Monte Carlo never bootstraps.
/// </summary>
public sealed class MonteCarloAgent : TabularAgent<MonteCarloOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "monte-carlo";

    // The episode so far; grown by doubling, so after the longest episode nothing more is allocated.
    private int[] _states = new int[1024];
    private int[] _actions = new int[1024];
    private double[] _rewards = new double[1024];
    private int _length;

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
        if (_length == _states.Length)
        {
            Array.Resize(ref _states, 2 * _length);
            Array.Resize(ref _actions, 2 * _length);
            Array.Resize(ref _rewards, 2 * _length);
        }
        _states[_length] = t.Observation;
        _actions[_length] = t.Action;
        _rewards[_length] = t.Reward;
        _length++;
        Steps++;
    }

    /// <inheritdoc />
    public override void EndEpisode()
    {
        double gamma = Options.Gamma;
        int actions = ActionCount;
        for (int t = 0; t < _length; t++)
        {
            int sa = _states[t] * actions + _actions[t];
            if (_visitStamp[sa] == Episodes) continue;
            _visitStamp[sa] = Episodes;
            _firstVisit[sa] = t;
        }

        // u_t = r_t + γ u_{t+1}, accumulated backwards from the episode's end.
        double u = 0;
        for (int t = _length - 1; t >= 0; t--)
        {
            u = _rewards[t] + gamma * u;
            int sa = _states[t] * actions + _actions[t];
            if (_firstVisit[sa] != t) continue;

            // α = 1/N(s_t, a_t) makes Q the average of the first-visit returns; otherwise α is constant.
            Visits[sa]++;
            double alpha = Options.SampleAverage ? 1.0 / Visits[sa] : Options.Alpha;

            // δ_t = Q(s_t, a_t) − u_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
            ref double q = ref Q.Values[sa];
            double delta = q - u;
            q -= alpha * delta;
        }

        _length = 0;
        base.EndEpisode();
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, double[] Values)> Tables => [("q", Q.Values), ("visits", Visits)];

    /// <inheritdoc />
    protected override void OnLoaded()
    {
        _length = 0;
        Array.Fill(_visitStamp, -1);
    }
}
