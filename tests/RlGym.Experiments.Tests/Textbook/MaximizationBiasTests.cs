using RlGym.Experiments.Textbook;

namespace RlGym.Experiments.Tests.Textbook;

public sealed class MaximizationBiasTests
{
    // Groups of 400 runs (seeds 0..2; the book averages 10,000). Measured on seeds 0..5, share of "left" from A:
    // Q-learning peaks at 0.94–0.97 around episode 20 and is still 0.40–0.46 at episodes 91–110, ending at
    // 0.11–0.14 over the last 50 episodes; Double Q-learning starts at 0.5 (all values tie at 0, so A's choice is a
    // coin), is 0.08–0.11 at episodes 91–110 and 0.068–0.078 at the end, near the ε-greedy optimum of 0.05.
    // With 400 runs a share has a standard error of at most 0.025; the margins below are wider than 3 of them.
    public static TheoryData<long> Groups => new() { 0, 1, 2 };

    private static MaximizationBiasMeasurement Measure(long seed) =>
        MaximizationBiasExperiment.Measure([seed], MaximizationBiasExperiment.BookEpisodes, new MaximizationBiasSettings { RunsPerSeed = 400 });

    [Theory]
    [MemberData(nameof(Groups))]
    public void Q_learning_goes_left_far_more_often_than_double_Q_learning_early_on(long seed)
    {
        var m = Measure(seed);
        Assert.InRange(m.QLearning.Take(50).Max(), 0.85, 1.0);
        Assert.InRange(m.DoubleQLearning.Skip(10).Max(), 0.0, 0.6);
        // From episode 15 to 100 the gap never closes (measured at least 0.3 at every episode of that stretch).
        for (int e = 14; e < 100; e++)
            Assert.True(m.QLearning[e] - m.DoubleQLearning[e] > 0.15, $"episode {e + 1}: Q {m.QLearning[e]:0.00}, double Q {m.DoubleQLearning[e]:0.00}");
        Assert.InRange(m.QLearning[90..110].Average(), 0.33, 0.53);
        Assert.InRange(m.DoubleQLearning[90..110].Average(), 0.03, 0.17);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Both_fall_towards_the_five_percent_of_epsilon_greedy(long seed)
    {
        var m = Measure(seed);
        double q = m.QLearning[^50..].Average(), dq = m.DoubleQLearning[^50..].Average();
        Assert.InRange(dq, MaximizationBiasExperiment.Optimal - 0.01, MaximizationBiasExperiment.Optimal + 0.06);
        Assert.InRange(q, 0.07, 0.20);
        Assert.True(q > dq, $"Q-learning {q:0.000} should still be above Double Q-learning {dq:0.000} after 300 episodes");
    }

    [Fact]
    public void The_result_draws_both_agents_and_the_optimum_in_percent()
    {
        var r = new MaximizationBiasExperiment().Run([0], new Training.Experiments.ExperimentOptions
        {
            Episodes = 20, MaxParallelism = 1, Settings = new Dictionary<string, string> { ["runs_per_seed"] = "50" },
        });
        Assert.Equal(["Q-learning", "Double Q-learning", "optimal"], r.Series.Select(s => s.Label));
        Assert.All(r.Series[2].Y, y => Assert.Equal(5, y, 12));
        Assert.All(r.Series[0].Y, y => Assert.InRange(y, 0, 100));
    }
}
