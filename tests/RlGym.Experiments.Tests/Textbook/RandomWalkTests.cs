using RlGym.Experiments.Textbook;

namespace RlGym.Experiments.Tests.Textbook;

public sealed class RandomWalkTests
{
    // Groups of 30 runs (3 seeds × 10; the book averages 100), first 10 episodes, α = 0, 0.1, ..., 1. Measured on four
    // groups: the lowest error is n = 4's in every group, 0.257–0.279 at α = 0.4 (book: n = 4 best, about 0.26);
    // n = 1's lowest is 0.341–0.352 (at α = 0.8), n = 512's 0.548 (its only good α is 0: it cannot learn in 10
    // episodes). Margins: best n among 2, 4 and 8; n = 1 at least 0.05 and n = 512 at least 0.2 above it.
    public static TheoryData<long> Groups => new() { 0, 1, 2 };

    [Theory]
    [MemberData(nameof(Groups))]
    public void An_intermediate_n_learns_best(long group)
    {
        var curves = RandomWalkExperiment.Measure([group * 10, group * 10 + 1, group * 10 + 2], RandomWalkExperiment.BookEpisodes,
            new RandomWalkSettings { RunsPerSeed = 10 });
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512], curves.Select(c => c.N));
        var best = curves.MinBy(c => c.Minimum)!;
        Assert.Contains(best.N, new[] { 2, 4, 8 });
        Assert.InRange(best.Minimum, 0.22, 0.31);
        Assert.True(curves[0].Minimum - best.Minimum >= 0.05, $"n = 1: {curves[0].Minimum:0.000}, best {best.Minimum:0.000}");
        Assert.True(curves[^1].Minimum - best.Minimum >= 0.2, $"n = 512: {curves[^1].Minimum:0.000}, best {best.Minimum:0.000}");
        // Larger n want smaller steps: the best α never grows with n.
        for (int i = 1; i < curves.Count; i++) Assert.True(curves[i].BestAlpha <= curves[i - 1].BestAlpha);
    }

    [Fact]
    public void The_result_has_one_curve_per_n_against_alpha()
    {
        var r = new RandomWalkExperiment().Run([0], new Training.Experiments.ExperimentOptions
        {
            Episodes = 2, MaxParallelism = 1, Settings = new Dictionary<string, string> { ["runs_per_seed"] = "1", ["max_n"] = "8" },
        });
        Assert.Equal(["n = 1", "n = 2", "n = 4", "n = 8"], r.Series.Select(s => s.Label));
        Assert.All(r.Series, s => Assert.Equal(new[] { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }, s.X));
    }
}
