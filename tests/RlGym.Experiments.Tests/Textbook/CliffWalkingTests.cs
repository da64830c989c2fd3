using RlGym.Experiments.Textbook;

namespace RlGym.Experiments.Tests.Textbook;

public sealed class CliffWalkingTests
{
    // Four independent groups of 10 runs (seeds 0..3, ε = 0.1, α = 0.5, 500 episodes). Measured on seeds 0..7, mean
    // sum of rewards over the last 100 episodes: Sarsa −24.2 to −29.8, Q-learning −45.8 to −53.4 (book: ≈ −25 and
    // ≈ −50), Sarsa ahead by 19.9 or more. Margins: ±4 beyond the measured range, and a gap of at least 12.
    public static TheoryData<long> Groups => new() { 0, 1, 2, 3 };

    private static CliffWalkingMeasurement Measure(long seed) =>
        CliffWalkingExperiment.Measure([seed], CliffWalkingExperiment.BookEpisodes, new CliffWalkingSettings { RunsPerSeed = 10 });

    [Theory]
    [MemberData(nameof(Groups))]
    public void Sarsa_collects_about_minus_25_and_Q_learning_about_minus_50_per_episode_online(long seed)
    {
        var m = Measure(seed);
        double sarsa = CliffWalkingMeasurement.Tail(m.Sarsa, 100), q = CliffWalkingMeasurement.Tail(m.QLearning, 100);
        Assert.InRange(sarsa, -34, -20);
        Assert.InRange(q, -58, -41);
        Assert.True(sarsa - q >= 12, $"Sarsa {sarsa:0.0} should beat Q-learning {q:0.0} by 12 or more online");
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Q_learning_walks_the_cliff_edge_and_Sarsa_the_safe_path(long seed)
    {
        var m = Measure(seed);
        // Q-learning: 80 of 80 measured runs take row 2, directly above the cliff, in the optimal 13 steps.
        Assert.All(m.QLearningPaths, p =>
        {
            Assert.True(CliffWalkingMeasurement.Reaches(p));
            Assert.Equal(13, p.Count - 1);
            Assert.Equal(2, CliffWalkingMeasurement.TopRow(p));
        });
        // Sarsa: measured on seeds 0..7, 66 of 80 greedy paths reach the goal, every one of them along row 0, the
        // top of the grid (17 or 19 steps); the other 14 loop in the top row or at the start, where the ε-greedy
        // policy Sarsa evaluates rarely goes and Q has not settled. Per group of 10, 6 to 10 reach it. Margins: at
        // least 5 of 10 reach the goal, and every path that does keeps to rows 0–1 and is longer than 13 steps.
        var arriving = m.SarsaPaths.Where(CliffWalkingMeasurement.Reaches).ToArray();
        Assert.True(arriving.Length >= 5, $"only {arriving.Length} of 10 Sarsa greedy paths reach the goal");
        Assert.All(arriving, p =>
        {
            Assert.InRange(CliffWalkingMeasurement.TopRow(p), 0, 1);
            Assert.True(p.Count - 1 > 13);
        });
    }

    [Fact]
    public void The_result_has_one_smoothed_series_per_curve_of_figure_6_4()
    {
        var r = new CliffWalkingExperiment().Run([0], new Training.Experiments.ExperimentOptions
        {
            Episodes = 50, MaxParallelism = 1, Settings = new Dictionary<string, string> { ["runs_per_seed"] = "2" },
        });
        Assert.Equal("cliff-walking", r.Name);
        Assert.Equal(["Sarsa", "Q-learning"], r.Series.Select(s => s.Label));
        Assert.All(r.Series, s => Assert.Equal(Enumerable.Range(1, 50).Select(i => (double)i), s.X));
        Assert.Contains("Sarsa ≈ −25", r.Notes);
    }
}
