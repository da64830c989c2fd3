using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Layers;

namespace RlGym.Neural.Tests.Layers;

public sealed class InitializationTests
{
    [Theory]
    [InlineData(4, 64)]
    [InlineData(64, 64)]
    [InlineData(64, 2)]
    public void Orthogonal_weights_have_orthonormal_rows_or_columns_times_gain(int inputs, int outputs)
    {
        var layer = new Dense(inputs, outputs, new Rng(3), WeightInit.Orthogonal, gain: Math.Sqrt(2));
        var w = layer.Weights.Value;
        // The smaller Gram matrix of a semi-orthogonal matrix is gain² I.
        var gram = inputs >= outputs ? w.TransposeThisAndMultiply(w) : w.TransposeAndMultiply(w);
        var expected = Matrix<double>.Build.DenseIdentity(gram.RowCount) * 2.0;
        Assert.True((gram - expected).InfinityNorm() < 1e-12);
        Assert.All(layer.Bias.Value.Enumerate(), b => Assert.Equal(0.0, b));
    }

    [Fact]
    public void Xavier_uniform_weights_stay_within_the_bound_and_fill_it()
    {
        var layer = new Dense(64, 64, new Rng(4), WeightInit.XavierUniform, gain: Gains.Tanh);
        double bound = Gains.Tanh * Math.Sqrt(6.0 / 128);
        var values = layer.Weights.Value.Enumerate().ToArray();
        Assert.All(values, v => Assert.InRange(v, -bound, bound));
        Assert.True(values.Max() > 0.99 * bound && values.Min() < -0.99 * bound);
        // Variance of U(−b, b) is b²/3; with 4096 draws its standard error is about 2%.
        double variance = values.Select(v => v * v).Average();
        Assert.InRange(variance / (bound * bound / 3), 0.94, 1.06);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights()
    {
        var a = new Dense(4, 8, new Rng(5), WeightInit.Orthogonal);
        var b = new Dense(4, 8, new Rng(5), WeightInit.Orthogonal);
        Assert.Equal(a.Weights.Value, b.Weights.Value);
    }
}
