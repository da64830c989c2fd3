using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular;

/// <summary>Hyperparameters of <see cref="QLearningAgent"/> (all shared with the other tabular agents).</summary>
public sealed record QLearningOptions : TabularOptions;

/// <summary>
/// Tabular Q-learning (lecture 2, "TD learning"): off-policy TD control. It behaves ε-greedily (or by softmax)
/// but learns the greedy policy's values, bootstrapping on max_a Q(s', a).
/// </summary>
public sealed class QLearningAgent : TabularAgent<QLearningOptions>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "q-learning";

    /// <summary>Creates the agent with every Q(s, a) at the options' initial value and its generator seeded.</summary>
    public QLearningAgent(int stateCount, int actionCount, QLearningOptions? options = null, long seed = 0)
        : base(AgentName, stateCount, actionCount, options, seed) { }

    /// <inheritdoc />
    public override int Act(int observation, bool explore) => explore ? Behaviour(observation) : Greedy(observation);

    /// <inheritdoc />
    public override void Observe(in Transition<int, int> t)
    {
        double gamma = Options.Gamma, alpha = Options.Alpha;

        // y_t = r_t + γ max_a Q(s_{t+1}, a); a terminal s_{t+1} is worth 0, a truncated one still bootstraps.
        double y = t.Reward + (t.Terminated ? 0 : gamma * MaxValue(Q, t.NextObservation));

        // δ_t = Q(s_t, a_t) − y_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
        ref double q = ref Q[t.Observation, t.Action];
        double delta = q - y;
        q -= alpha * delta;

        Count(t);
    }
}
