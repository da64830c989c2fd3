using static RlGym.Agents.Tabular.Tests.Mdps.Loop;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>
/// Each update rule on a single transition, against numbers worked by hand. Common setting: α = 0.5, γ = 0.9,
/// Q(0, 1) = 0.5 before the update, Q(1, ·) = [1, 3], reward 2.
/// </summary>
public sealed class UpdateRuleTests
{
    private static void SetUp(QTable q)
    {
        q[0, 1] = 0.5;
        q[1, 0] = 1;
        q[1, 1] = 3;
    }

    [Fact]
    public void Q_learning_moves_towards_r_plus_gamma_max()
    {
        var agent = new QLearningAgent(3, 2, new QLearningOptions { Alpha = 0.5, Gamma = 0.9 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1));
        // y = 2 + 0.9 · 3 = 4.7; δ = 0.5 − 4.7 = −4.2; Q = 0.5 + 0.5 · 4.2 = 2.6
        Assert.Equal(2.6, agent.Q[0, 1], 12);
    }

    [Fact]
    public void Q_learning_does_not_bootstrap_from_a_terminal_state()
    {
        var agent = new QLearningAgent(3, 2, new QLearningOptions { Alpha = 0.5, Gamma = 0.9 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1, terminated: true));
        // y = 2; Q = 0.5 − 0.5 (0.5 − 2) = 1.25
        Assert.Equal(1.25, agent.Q[0, 1], 12);
    }

    [Fact]
    public void Q_learning_bootstraps_when_the_episode_is_only_truncated()
    {
        var agent = new QLearningAgent(3, 2, new QLearningOptions { Alpha = 0.5, Gamma = 0.9 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1, truncated: true));
        Assert.Equal(2.6, agent.Q[0, 1], 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Sarsa_bootstraps_on_the_action_it_then_takes(long seed)
    {
        // ε = 1: a' is a coin flip, so the target tells which action was drawn: 2 + 0.9 · Q(1, a').
        var agent = new SarsaAgent(3, 2, new SarsaOptions { Alpha = 0.5, Gamma = 0.9, Epsilon = 1 }, seed);
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1));
        int pending = agent.PendingAction;
        double expected = pending == 0 ? 0.5 - 0.5 * (0.5 - (2 + 0.9 * 1)) : 2.6; // 1.7 or 2.6
        Assert.Equal(expected, agent.Q[0, 1], 12);
        Assert.Equal(pending, agent.Act(1, explore: true));
        Assert.Equal(-1, agent.PendingAction);
    }

    [Fact]
    public void Sarsa_draws_both_next_actions_over_seeds()
    {
        var drawn = new HashSet<int>();
        for (long seed = 0; seed < 20; seed++)
        {
            var agent = new SarsaAgent(3, 2, new SarsaOptions { Epsilon = 1 }, seed);
            agent.Observe(T(0, 1, 2, 1));
            drawn.Add(agent.PendingAction);
        }
        Assert.Equal([0, 1], drawn.Order());
    }

    [Fact]
    public void Sarsa_has_no_next_action_after_a_terminal_step()
    {
        var agent = new SarsaAgent(3, 2, new SarsaOptions { Alpha = 0.5, Gamma = 0.9 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1, terminated: true));
        Assert.Equal(1.25, agent.Q[0, 1], 12);
        Assert.Equal(-1, agent.PendingAction);
    }

    [Fact]
    public void Expected_sarsa_takes_the_expectation_under_epsilon_greedy()
    {
        var agent = new ExpectedSarsaAgent(3, 2, new ExpectedSarsaOptions { Alpha = 0.5, Gamma = 0.9, Epsilon = 0.2 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1));
        // π(·|1) = [0.1, 0.9]; Σ π Q = 0.1 + 2.7 = 2.8; y = 2 + 0.9 · 2.8 = 4.52; Q = 0.5 − 0.5 (0.5 − 4.52) = 2.51
        Assert.Equal(2.51, agent.Q[0, 1], 12);
    }

    [Fact]
    public void Expected_sarsa_takes_the_expectation_under_softmax()
    {
        var agent = new ExpectedSarsaAgent(3, 2,
            new ExpectedSarsaOptions { Alpha = 0.5, Gamma = 0.9, Exploration = ExplorationKind.Softmax, Temperature = 1 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1));
        // π(0|1) = 1/(1 + e²) = 0.11920292202211755; Σ π Q = 0.1192... + 3 · 0.8807... = 2.7615941559557649
        // y = 2 + 0.9 · 2.7615941559557649 = 4.4854347403601884; Q = 0.5 − 0.5 (0.5 − y) = 2.4927173701800942
        Assert.Equal(2.4927173701800942, agent.Q[0, 1], 12);
    }

    [Fact]
    public void Expected_sarsa_with_epsilon_zero_is_q_learning()
    {
        var agent = new ExpectedSarsaAgent(3, 2, new ExpectedSarsaOptions { Alpha = 0.5, Gamma = 0.9, Epsilon = 0 });
        SetUp(agent.Q);
        agent.Observe(T(0, 1, 2, 1));
        Assert.Equal(2.6, agent.Q[0, 1], 12);
    }

    [Fact]
    public void Double_q_learning_evaluates_the_updated_tables_argmax_with_the_other_table()
    {
        var seen = new HashSet<string>();
        for (long seed = 0; seed < 16; seed++)
        {
            var agent = new DoubleQLearningAgent(3, 2, new DoubleQLearningOptions { Alpha = 0.5, Gamma = 0.9 }, seed);
            SetUp(agent.Q);
            // Q2 disagrees with Q1 about s' = 1: Q2(1, ·) = [5, 2].
            agent.Q2[0, 1] = 0.5;
            agent.Q2[1, 0] = 5;
            agent.Q2[1, 1] = 2;
            agent.Observe(T(0, 1, 2, 1));
            if (agent.Q2[0, 1] == 0.5)
            {
                // Q1 updated: a* = argmax Q1(1, ·) = 1; y = 2 + 0.9 · Q2(1, 1) = 3.8; Q1 = 0.5 − 0.5 (0.5 − 3.8) = 2.15
                Assert.Equal(2.15, agent.Q[0, 1], 12);
                seen.Add("q1");
            }
            else
            {
                // Q2 updated: a* = argmax Q2(1, ·) = 0; y = 2 + 0.9 · Q1(1, 0) = 2.9; Q2 = 0.5 − 0.5 (0.5 − 2.9) = 1.7
                Assert.Equal(0.5, agent.Q[0, 1]);
                Assert.Equal(1.7, agent.Q2[0, 1], 12);
                seen.Add("q2");
            }
        }
        Assert.Equal(["q1", "q2"], seen.Order());
    }

    [Fact]
    public void Double_q_learning_acts_greedily_on_the_sum_of_its_tables()
    {
        var agent = new DoubleQLearningAgent(2, 3);
        agent.Q[0, 0] = 2; agent.Q2[0, 0] = 0;  // sum 2
        agent.Q[0, 1] = 0; agent.Q2[0, 1] = 3;  // sum 3: best, though neither table alone ranks it first
        agent.Q[0, 2] = 2.5; agent.Q2[0, 2] = 0; // sum 2.5
        Assert.Equal(1, agent.Act(0, explore: false));
        Span<double> values = stackalloc double[3];
        agent.ActionValues(0, values);
        Assert.Equal([1, 1.5, 1.25], values.ToArray());
    }

    [Fact]
    public void N_step_q_learning_sums_n_rewards_and_flushes_at_the_end()
    {
        var agent = new NStepQLearningAgent(4, 2, new NStepQLearningOptions { Alpha = 0.5, Gamma = 0.9, N = 2 });
        agent.Q[2, 0] = 4;
        agent.Observe(T(0, 0, 1, 1));
        Assert.Equal(0, agent.Q[0, 0]); // waiting for a second reward
        agent.Observe(T(1, 0, 2, 2));
        // y_0 = 1 + 0.9 · 2 + 0.81 · max Q(2, ·) = 1 + 1.8 + 3.24 = 6.04; Q(0,0) = 0 − 0.5 (0 − 6.04) = 3.02
        Assert.Equal(3.02, agent.Q[0, 0], 12);
        Assert.Equal(0, agent.Q[1, 0]);
        agent.Observe(T(2, 0, 3, 3, terminated: true));
        // Flush: y_1 = 2 + 0.9 · 3 = 4.7 → Q(1,0) = 2.35; y_2 = 3 → Q(2,0) = 4 − 0.5 (4 − 3) = 3.5
        Assert.Equal(2.35, agent.Q[1, 0], 12);
        Assert.Equal(3.5, agent.Q[2, 0], 12);
    }

    [Fact]
    public void N_step_sarsa_bootstraps_after_truncation_with_shorter_sums()
    {
        var agent = new NStepSarsaAgent(4, 2, new NStepSarsaOptions { Alpha = 0.5, Gamma = 0.9, N = 3, Epsilon = 0 });
        agent.Q[3, 1] = 10; // the greedy a' in s' = 3
        agent.Observe(T(0, 0, 1, 1));
        agent.Observe(T(1, 0, 2, 3, truncated: true));
        // y_0 = 1 + 0.9 · 2 + 0.81 · 10 = 10.9 → 5.45;  y_1 = 2 + 0.9 · 10 = 11 → 5.5
        Assert.Equal(5.45, agent.Q[0, 0], 12);
        Assert.Equal(5.5, agent.Q[1, 0], 12);
        Assert.Equal(-1, agent.PendingAction);
    }

    [Fact]
    public void Monte_carlo_averages_first_visit_returns()
    {
        var agent = new MonteCarloAgent(3, 1, new MonteCarloOptions { Gamma = 1 });
        // s0 →(r 1) s1 →(r 2) s0 →(r 3) end: first visit of (0,0) at t = 0 has return 6, of (1,0) return 5.
        agent.Observe(T(0, 0, 1, 1));
        agent.Observe(T(1, 0, 2, 0));
        Assert.Equal(0, agent.Q[0, 0]); // nothing learned before the episode ends
        agent.Observe(T(0, 0, 3, 2, terminated: true));
        Assert.Equal(6, agent.Q[0, 0], 12); // every-visit would give (6 + 3) / 2 = 4.5
        Assert.Equal(5, agent.Q[1, 0], 12);
        Assert.Equal(1, agent.Visits[0]);

        agent.Observe(T(0, 0, 0, 2, terminated: true));
        Assert.Equal(3, agent.Q[0, 0], 12); // mean of 6 and 0
    }

    [Fact]
    public void Monte_carlo_with_constant_alpha_discounts_the_return()
    {
        var agent = new MonteCarloAgent(3, 1, new MonteCarloOptions { Gamma = 0.5, Alpha = 0.25, SampleAverage = false });
        agent.Observe(T(0, 0, 1, 1));
        agent.Observe(T(1, 0, 4, 2, terminated: true));
        // u_0 = 1 + 0.5 · 4 = 3 → Q(0,0) = 0.25 · 3 = 0.75; u_1 = 4 → Q(1,0) = 1
        Assert.Equal(0.75, agent.Q[0, 0], 12);
        Assert.Equal(1, agent.Q[1, 0], 12);
    }
}
