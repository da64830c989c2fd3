using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="DoubleQLearningAgent"/> (all shared with the other tabular agents).</summary>
public sealed record DoubleQLearningOptions : TabularOptions;

/// <summary>
/// Double Q-learning (Sutton &amp; Barto §6.7; the tabular root of lecture 3's double DQN). Two tables; each step a
/// coin picks the one to update: it chooses a* = argmax_a Q1(s', a) and the other table evaluates Q2(s', a*), so
/// the noise that makes max_a Q(s', a) overestimate is not used to both choose and value the action.
/// It behaves ε-greedily on Q1 + Q2.
/// </summary>
public sealed class DoubleQLearningAgent : TabularAgent<DoubleQLearningOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "double-q-learning";

    private readonly double[] _sum;

    /// <summary>Creates the agent with both tables at the options' initial value and its generator seeded.</summary>
    public DoubleQLearningAgent(int stateCount, int actionCount, DoubleQLearningOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed)
    {
        Q2 = new QTable(stateCount, actionCount, Options.InitialValue);
        _sum = new double[actionCount];
    }

    /// <summary>The second table (<see cref="TabularAgent{TOptions}.Q"/> is the first).</summary>
    public QTable Q2 { get; }

    /// <inheritdoc />
    public override int Act(int observation, bool explore)
    {
        var q1 = Q.Row(observation);
        var q2 = Q2.Row(observation);
        for (int a = 0; a < _sum.Length; a++) _sum[a] = q1[a] + q2[a];
        var valid = ValidActions(observation);
        return explore ? Policy.Sample(_sum, Epsilon, Rng, valid) : QTable.Argmax(_sum, valid, Rng);
    }

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        double gamma = Options.Gamma, alpha = Options.Alpha;

        // A fair coin: update Q1 with Q2 evaluating, or the other way round.
        bool first = Rng.NextDouble() < 0.5;
        var (update, evaluate) = first ? (Q, Q2) : (Q2, Q);

        // a* = argmax_a Q1(s_{t+1}, a);  y_t = r_t + γ Q2(s_{t+1}, a*)  (terminal s_{t+1}: y_t = r_t)
        double y = t.Reward;
        if (!t.Terminated)
        {
            int best = QTable.Argmax(update.Row(t.NextObservation), ValidActions(t.NextObservation), Rng);
            y += gamma * evaluate[t.NextObservation, best];
        }

        // δ_t = Q1(s_t, a_t) − y_t;  Q1(s_t, a_t) ← Q1(s_t, a_t) − α δ_t
        ref double q = ref update[t.Observation, t.Action];
        double delta = q - y;
        q -= alpha * delta;

        Count(t);
    }

    /// <summary>The mean of the two tables: the agent's estimate of Q(s, ·).</summary>
    public override void ActionValues(int observation, Span<double> values)
    {
        var q1 = Q.Row(observation);
        var q2 = Q2.Row(observation);
        for (int a = 0; a < ActionCount; a++) values[a] = 0.5 * (q1[a] + q2[a]);
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, double[] Values)> Tables => [("q1", Q.Values), ("q2", Q2.Values)];
}
