using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Distributions;

namespace RlGym.Neural.Tests.Distributions;

public sealed class CategoricalTests
{
    private static readonly double[] Logits = [1.0, 0.0, -1.0, 2.0];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sample_frequencies_match_the_softmax_probabilities(int seed)
    {
        var rng = new Rng(seed);
        var p = new double[4];
        Categorical.Probabilities(Logits, p);
        const int n = 20_000;
        var counts = new int[4];
        for (int i = 0; i < n; i++) counts[Categorical.Sample(Logits, rng)]++;
        double chiSquare = 0;
        for (int k = 0; k < 4; k++) chiSquare += Math.Pow(counts[k] - n * p[k], 2) / (n * p[k]);
        // χ² with 3 degrees of freedom exceeds 16.27 with probability 0.001.
        Assert.True(chiSquare < 16.27, $"χ² = {chiSquare:F2}, counts {string.Join(", ", counts)}");
    }

    [Fact]
    public void Huge_logits_sample_the_dominant_action_and_stay_finite()
    {
        double[] logits = [1e6, 0, -1e6];
        var rng = new Rng(1);
        for (int i = 0; i < 100; i++) Assert.Equal(0, Categorical.Sample(logits, rng));
        Assert.Equal(0, Categorical.LogProb(logits, 0));
        Assert.Equal(-1e6, Categorical.LogProb(logits, 1), 1e-6);
        Assert.Equal(0, Categorical.Entropy(logits));
        Assert.Equal(Math.Log(3), Categorical.Entropy([800.0, 800.0, 800.0]), 1e-12);
    }

    [Fact]
    public void Log_probability_and_entropy_gradients_match_finite_differences()
    {
        var rng = new Rng(4);
        var logits = Enumerable.Range(0, 5).Select(_ => 2 * rng.NextGaussian()).ToArray();
        var gradient = new double[5];
        var result = new GradientCheckResult(0, "");
        for (int a = 0; a < 5; a++)
        {
            Categorical.LogProbGradient(logits, a, gradient);
            int action = a;
            result = result.Max(GradientCheck.Compare(() => Categorical.LogProb(logits, action), logits, gradient, $"ln π({a})"));
        }
        Categorical.EntropyGradient(logits, gradient);
        result = result.Max(GradientCheck.Compare(() => Categorical.Entropy(logits), logits, gradient, "H"));
        Assert.True(result.MaxRelativeError < 1e-4, result.ToString());
    }

    [Fact]
    public void Probabilities_sum_to_one_and_mode_is_the_arg_max()
    {
        var p = new double[4];
        Categorical.Probabilities(Logits, p);
        Assert.Equal(1, p.Sum(), 1e-15);
        Assert.Equal(Math.Exp(2) / (Math.Exp(1) + 1 + Math.Exp(-1) + Math.Exp(2)), p[3], 1e-15);
        Assert.Equal(3, Categorical.Mode(Logits));
    }
}
