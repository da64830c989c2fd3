using RlGym.Agents.Tabular.Prediction;
using RlGym.Agents.Tabular.Tests.Mdps;
using Xunit.Abstractions;

namespace RlGym.Agents.Tabular.Tests.Prediction;

/// <summary>
/// Sutton &amp; Barto Figure 7.2: n-step TD on the 19-state random walk, RMS error over the first 10 episodes against
/// α. Measured with the full figure (100 runs, n = 1 ... 512, α = 0 ... 1 by 0.1) for seeds 0, 1000 and 2000:
/// best RMS n=1 0.342–0.347 (α 0.8), n=2 0.271–0.279 (α 0.6), n=4 0.260–0.266 (α 0.4), n=8 0.276–0.283 (α 0.2),
/// n=16 0.316–0.325, n=512 0.548 (α → 0: every α above 0 is worse than not learning). The book's figure has the
/// same shape: n = 4 lowest, n = 1 best at large α, long n worst.
/// </summary>
public sealed class NStepTdExperimentTests(ITestOutputHelper output)
{
    // A quarter of the runs and six of the curves, to keep the test quick. Measured with these settings for seeds
    // 0, 1000, 2000: best RMS n=1 0.343/0.341/0.352, n=4 0.257/0.259/0.277, n=8 0.272/0.272/0.294, n=512
    // 0.516/0.590/0.584. Smallest margins seen: n=4 below n=1 by 0.075, below n=512 by 0.259; n=8 below n=1 by 0.058.
    private static NStepTdExperimentSettings Quick(long seed) => new()
    {
        Ns = [1, 2, 4, 8, 16, 512],
        Alphas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
        Runs = 25,
        Seed = seed,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(2000)]
    public void An_intermediate_n_learns_the_random_walk_fastest(long seed)
    {
        var curves = NStepTdExperiment.Run(TestMdps.RandomWalk(), TestMdps.RandomWalk(), Quick(seed)).ToDictionary(c => c.N);
        foreach (var c in curves.Values)
            output.WriteLine($"n={c.N,4} min={c.Minimum:F4} at α={c.BestAlpha:F1}");

        double best4 = curves[4].Minimum, best1 = curves[1].Minimum, best512 = curves[512].Minimum;
        Assert.True(best4 < best1 - 0.05, $"n=4 {best4:F4} vs n=1 {best1:F4}");
        Assert.True(best4 < best512 - 0.2, $"n=4 {best4:F4} vs n=512 {best512:F4}");
        Assert.True(curves[8].Minimum < best1 - 0.03, $"n=8 {curves[8].Minimum:F4} vs n=1 {best1:F4}");
        int bestN = curves.Values.MinBy(c => c.Minimum)!.N;
        Assert.Contains(bestN, new[] { 2, 4, 8 });
        // One-step TD wants a large step, the long returns a tiny one.
        Assert.True(curves[1].BestAlpha >= 0.6, $"n=1 best α {curves[1].BestAlpha}");
        Assert.Equal(0.1, curves[512].BestAlpha);
    }

    [Fact]
    public void The_experiment_is_deterministic_for_a_seed()
    {
        var settings = Quick(7) with { Ns = [2], Runs = 3 };
        var a = NStepTdExperiment.Run(TestMdps.RandomWalk(), TestMdps.RandomWalk(), settings);
        var b = NStepTdExperiment.Run(TestMdps.RandomWalk(), TestMdps.RandomWalk(), settings);
        Assert.Equal(a[0].RmsError, b[0].RmsError);
    }

    [Fact]
    public void With_alpha_zero_the_error_is_that_of_all_zero_values()
    {
        // RMS of V(s) = s/10 − 1 over s = 1..19: sqrt(Σ k²/100 / 19) for k = −9..9 = sqrt(570/1900) = 0.5477
        var curve = NStepTdExperiment.Run(TestMdps.RandomWalk(), TestMdps.RandomWalk(),
            new NStepTdExperimentSettings { Ns = [1], Alphas = [0], Runs = 2 })[0];
        Assert.Equal(Math.Sqrt(0.3), curve.RmsError[0], 9);
    }
}
