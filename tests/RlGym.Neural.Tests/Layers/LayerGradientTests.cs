using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Layers;

namespace RlGym.Neural.Tests.Layers;

public sealed class LayerGradientTests
{
    private const double Tolerance = 1e-4;

    // Batch sizes below and above Dense's small-batch threshold exercise both kernels.
    public static TheoryData<int, int> Cases() => new() { { 1, 1 }, { 3, 2 }, { 4, 3 }, { 17, 4 }, { 64, 5 } };

    [Theory, MemberData(nameof(Cases))]
    public void Dense_gradients_match_finite_differences(int batch, int seed)
    {
        var rng = new Rng(seed);
        var layer = new Dense(5, 7, rng, WeightInit.PyTorchDefault);
        var result = GradientCheck.Layer(layer, Random.Matrix(rng, batch, 5), rng);
        Assert.True(result.MaxRelativeError < Tolerance, result.ToString());
    }

    [Theory, MemberData(nameof(Cases))]
    public void Activation_gradients_match_finite_differences(int batch, int seed)
    {
        var rng = new Rng(seed);
        foreach (ILayer layer in new ILayer[] { new Tanh(), new ReLU(), new Softmax(), new LogSoftmax() })
        {
            var result = GradientCheck.Layer(layer, Random.Matrix(rng, batch, 6, scale: 2), rng);
            Assert.True(result.MaxRelativeError < Tolerance, result.ToString());
        }
    }

    [Fact]
    public void Dense_kernels_agree_with_MathNet_for_every_batch_size()
    {
        var rng = new Rng(11);
        var layer = new Dense(6, 9, rng, WeightInit.PyTorchDefault);
        foreach (int batch in new[] { 1, 2, 3, 4, 5, 8, 33 })
        {
            var x = Random.Matrix(rng, batch, 6);
            var y = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(batch, 9);
            layer.Forward(x, y);
            var expected = x * layer.Weights.Value;
            for (int i = 0; i < batch; i++)
                for (int j = 0; j < 9; j++) expected[i, j] += layer.Bias.Value[0, j];
            Assert.True((expected - y).FrobeniusNorm() < 1e-12, $"batch {batch}");
        }
    }
}
