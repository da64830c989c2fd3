using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="ExpectedSarsaAgent"/> (all shared with the other tabular agents).</summary>
public sealed record ExpectedSarsaOptions : TabularOptions;

/// <summary>
/// Expected Sarsa (Sutton &amp; Barto §6.6): Sarsa's target with the sampled a_{t+1} replaced by its expectation under
/// the behaviour policy, which removes the variance of that draw. With ε = 0 it is Q-learning.
/// </summary>
public sealed class ExpectedSarsaAgent : TabularAgent<ExpectedSarsaOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "expected-sarsa";

    private readonly double[] _pi;

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public ExpectedSarsaAgent(int stateCount, int actionCount, ExpectedSarsaOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) => _pi = new double[actionCount];

    /// <inheritdoc />
    public override int Act(int observation, bool explore) => explore ? Behaviour(observation) : Greedy(observation);

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        double gamma = Options.Gamma, alpha = Options.Alpha;

        // y_t = r_t + γ Σ_a π(a|s_{t+1}) Q(s_{t+1}, a); a terminal s_{t+1} is worth 0, a truncated one still bootstraps.
        double expected = 0;
        if (!t.Terminated)
        {
            var next = Q.Row(t.NextObservation);
            Policy.Probabilities(next, Epsilon, _pi, ValidActions(t.NextObservation));
            for (int a = 0; a < next.Length; a++) expected += _pi[a] * next[a];
        }
        double y = t.Reward + gamma * expected;

        // δ_t = Q(s_t, a_t) − y_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
        ref double q = ref Q[t.Observation, t.Action];
        double delta = q - y;
        q -= alpha * delta;

        Count(t);
    }
}
