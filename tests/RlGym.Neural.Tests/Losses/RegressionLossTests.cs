using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Losses;

namespace RlGym.Neural.Tests.Losses;

public sealed class RegressionLossTests
{
    [Fact]
    public void Mse_uses_one_half_so_its_gradient_is_the_td_error()
    {
        var q = Matrix<double>.Build.DenseOfArray(new double[,] { { 3 }, { -1 } });
        var loss = new MseLoss(Reduction.Sum);
        Assert.Equal(0.5 * 4 + 0.5 * 1, loss.Value(q, [1.0, 0.0]), 1e-15);
        var g = loss.Gradient(q, [1.0, 0.0]);
        Assert.Equal(2, g[0, 0]);    // δ = q − y
        Assert.Equal(-1, g[1, 0]);
        Assert.Equal(1, new MseLoss().Gradient(q, [1.0, 0.0])[0, 0]);   // mean halves it for two rows
    }

    [Fact]
    public void Huber_is_quadratic_inside_delta_and_linear_outside()
    {
        var huber = new HuberLoss();
        Assert.Equal(0.5 * 0.25, huber.Pointwise(0.5), 1e-15);
        Assert.Equal(3 - 0.5, huber.Pointwise(-3), 1e-15);
        Assert.Equal(1, huber.Derivative(7));
        Assert.Equal(-1, huber.Derivative(-7));
        Assert.Equal(0.3, huber.Derivative(0.3));
        Assert.Equal(2 * (4 - 1), new HuberLoss(delta: 2).Pointwise(4), 1e-15);
    }

    [Fact]
    public void Only_the_taken_action_gets_gradient_scaled_by_its_weight()
    {
        var q = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var loss = new MseLoss();
        var g = loss.Gradient(q, [1, 0, 1], [0.0, 0.0, 10.0], [1.0, 2.0, 0.5]);
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 2.0 / 3 }, { 2 * 3.0 / 3, 0 }, { 0, 0.5 * -4.0 / 3 } });
        Assert.True((expected - g).InfinityNorm() < 1e-15);
        Assert.Equal((0.5 * 4 + 2 * 0.5 * 9 + 0.5 * 0.5 * 16) / 3, loss.Value(q, [1, 0, 1], [0.0, 0.0, 10.0], [1.0, 2.0, 0.5]), 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Loss_gradients_match_finite_differences(int seed)
    {
        var rng = new Rng(seed);
        int[] actions = [0, 2, 1, 2, 0];
        var targets = Enumerable.Range(0, 5).Select(_ => 3 * rng.NextGaussian()).ToArray();
        var weights = Enumerable.Range(0, 5).Select(_ => rng.NextDouble()).ToArray();
        foreach (RegressionLoss loss in new RegressionLoss[] { new MseLoss(), new HuberLoss(), new MseLoss(Reduction.Sum), new HuberLoss(0.5, Reduction.Sum) })
        {
            var q = Random.Matrix(rng, 5, 3, scale: 3);
            var y = Random.Matrix(rng, 5, 3, scale: 3);
            var full = loss.Gradient(q, y).Data();
            var result = GradientCheck.Compare(() => loss.Value(q, y), q.AsColumnMajorArray(), full, "full");
            var selected = loss.Gradient(q, actions, targets, weights).AsColumnMajorArray().ToArray();
            result = result.Max(GradientCheck.Compare(() => loss.Value(q, actions, targets, weights), q.AsColumnMajorArray(), selected, "selected"));
            Assert.True(result.MaxRelativeError < 1e-4, $"{loss.GetType().Name}: {result}");
        }
    }
}

internal static class MatrixData
{
    public static double[] Data(this Matrix<double> m) => m.AsColumnMajorArray().ToArray();
}
