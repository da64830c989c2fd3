using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Distributions;
using RlGym.Neural.Losses;

namespace RlGym.Neural.Tests.Losses;

public sealed class PolicyGradientLossTests
{
    [Theory]
    [InlineData(0.0, Reduction.Sum, 1)]
    [InlineData(0.01, Reduction.Mean, 2)]
    [InlineData(0.5, Reduction.Sum, 3)]
    public void Gradient_wrt_logits_matches_finite_differences(double entropy, Reduction reduction, int seed)
    {
        var rng = new Rng(seed);
        var loss = new PolicyGradientLoss(entropy, reduction);
        var logits = Random.Matrix(rng, 6, 4, scale: 2);
        int[] actions = Enumerable.Range(0, 6).Select(_ => rng.NextInt(4)).ToArray();
        double[] weights = Enumerable.Range(0, 6).Select(_ => 5 * rng.NextGaussian()).ToArray();
        var analytic = loss.Gradient(logits, actions, weights).AsColumnMajorArray().ToArray();
        var result = GradientCheck.Compare(() => loss.Value(logits, actions, weights), logits.AsColumnMajorArray(), analytic, "logits");
        Assert.True(result.MaxRelativeError < 1e-4, result.ToString());
    }

    [Fact]
    public void Value_is_minus_the_weighted_log_probability_minus_the_entropy_bonus()
    {
        var logits = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0.5 }, { -1, 0, 3 } });
        var loss = new PolicyGradientLoss(0.1, Reduction.Sum);
        double expected = 0;
        double[] weights = [2.0, -0.5];
        int[] actions = [1, 0];
        for (int i = 0; i < 2; i++)
        {
            var row = logits.Row(i).ToArray();
            expected += -weights[i] * Categorical.LogProb(row, actions[i]) - 0.1 * Categorical.Entropy(row);
        }
        Assert.Equal(expected, loss.Value(logits, actions, weights), 1e-12);
    }

    [Fact]
    public void Huge_logits_give_finite_gradients()
    {
        var logits = Matrix<double>.Build.DenseOfArray(new double[,] { { 1e4, -1e4 }, { 700, 710 } });
        var g = new PolicyGradientLoss(0.01).Gradient(logits, [1, 0], [1.0, 1.0]);
        Assert.All(g.Enumerate(), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(-0.5, g[0, 1], 1e-12);   // −w(1 − π) / batch with π(1) ≈ 0
    }
}
