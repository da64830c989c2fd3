using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;

namespace RlGym.Neural.Tests.Networks;

public sealed class SequentialTests
{
    [Theory]
    [InlineData(Activation.Tanh, 1, 1)]
    [InlineData(Activation.Tanh, 16, 2)]
    [InlineData(Activation.ReLU, 2, 3)]
    [InlineData(Activation.ReLU, 8, 4)]
    public void Mlp_gradients_match_finite_differences_for_an_mse_loss(Activation activation, int batch, int seed)
    {
        var rng = new Rng(seed);
        var net = Mlp.Create([4, 16, 16, 3], activation, rng, WeightInit.PyTorchDefault);
        var x = Random.Matrix(rng, batch, 4);
        var y = Random.Matrix(rng, batch, 3);
        var loss = new MseLoss();
        var result = GradientCheck.Network(net, x, q => loss.Value(q, y), q => loss.Gradient(q, y));
        Assert.True(result.MaxRelativeError < 1e-4, result.ToString());
    }

    [Fact]
    public void Predict_between_Forward_and_Backward_does_not_change_the_gradients()
    {
        var rng = new Rng(6);
        var net = Mlp.Create([4, 8, 2], Activation.Tanh, rng);
        var x = Random.Matrix(rng, 5, 4);
        var other = Random.Matrix(rng, 5, 4);
        var dy = Random.Matrix(rng, 5, 2);

        net.ZeroGrad();
        net.Forward(x);
        net.Backward(dy);
        var expected = net.Parameters.Select(p => p.Gradient.Clone()).ToArray();

        net.ZeroGrad();
        var output = net.Forward(x);
        var outputCopy = output.Clone();
        net.Predict(other);   // s′ through the same net, same batch size
        Assert.Equal(outputCopy, output);
        net.Backward(dy);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], net.Parameters[i].Gradient);
    }

    [Fact]
    public void Single_observation_predict_matches_the_batched_forward()
    {
        var rng = new Rng(7);
        var net = Mlp.Create([4, 8, 3], Activation.ReLU, rng, WeightInit.PyTorchDefault);
        var x = Random.Matrix(rng, 6, 4);
        var batched = net.Predict(x).Clone();
        for (int i = 0; i < 6; i++)
        {
            float[] observation = x.Row(i).Select(v => (float)v).ToArray();
            var row = Matrix<double>.Build.Dense(1, 4, (_, j) => observation[j]);
            var expected = net.Predict(row).Row(0).ToArray();
            Assert.Equal(expected, net.Predict(observation).ToArray());
            for (int j = 0; j < 3; j++) Assert.Equal(batched[i, j], expected[j], 1e-6);
        }
    }

    [Fact]
    public void Gradients_accumulate_until_ZeroGrad()
    {
        var rng = new Rng(8);
        var net = Mlp.Create([3, 5, 2], Activation.Tanh, rng);
        var x = Random.Matrix(rng, 4, 3);
        var dy = Random.Matrix(rng, 4, 2);
        net.ZeroGrad();
        net.Forward(x);
        net.Backward(dy);
        var once = net.Parameters[0].Gradient.Clone();
        net.Forward(x);
        net.Backward(dy);
        Assert.True((net.Parameters[0].Gradient - 2 * once).InfinityNorm() < 1e-12);
        net.ZeroGrad();
        Assert.All(net.Parameters, p => Assert.Equal(0.0, p.Gradient.InfinityNorm()));
    }

    [Fact]
    public void Soft_update_moves_the_target_by_tau_of_the_difference()
    {
        var online = Mlp.Create([4, 8, 2], Activation.ReLU, new Rng(1));
        var target = Mlp.Create([4, 8, 2], Activation.ReLU, new Rng(2));
        var before = target.Parameters.Select(p => p.Value.Clone()).ToArray();

        target.SoftUpdateFrom(online, 0.005);

        for (int i = 0; i < before.Length; i++)
        {
            var expected = 0.005 * online.Parameters[i].Value + 0.995 * before[i];
            Assert.True((expected - target.Parameters[i].Value).InfinityNorm() < 1e-15);
        }
        target.SoftUpdateFrom(online, 1.0);
        for (int i = 0; i < before.Length; i++) Assert.Equal(online.Parameters[i].Value, target.Parameters[i].Value);
    }

    [Fact]
    public void Clone_and_CopyFrom_give_identical_outputs_and_independent_weights()
    {
        var rng = new Rng(9);
        var online = Mlp.Create([4, 8, 2], Activation.Tanh, rng);
        var target = online.Clone();
        var x = Random.Matrix(rng, 3, 4);
        Assert.Equal(online.Predict(x), target.Predict(x));

        online.Parameters[0].Value[0, 0] += 1;
        Assert.NotEqual(online.Predict(x).Clone(), target.Predict(x).Clone());
        target.CopyFrom(online);
        Assert.Equal(online.Predict(x).Clone(), target.Predict(x).Clone());
    }

    [Fact]
    public void Mismatched_shapes_are_reported_clearly()
    {
        var net = Mlp.Create([4, 8, 2], Activation.Tanh, new Rng(1));
        var wider = Mlp.Create([4, 16, 2], Activation.Tanh, new Rng(1));
        var ex = Assert.Throws<ArgumentException>(() => net.CopyFrom(wider));
        Assert.Contains("4×8", ex.Message);
        Assert.Contains("4×16", ex.Message);
        Assert.Throws<ArgumentException>(() => net.Predict(Matrix<double>.Build.Dense(2, 5)));
        Assert.Throws<InvalidOperationException>(() => Mlp.Create([4, 2], Activation.Tanh, new Rng(1)).Backward(Matrix<double>.Build.Dense(1, 2)));
    }

    [Fact]
    public void Many_batch_sizes_still_train_correctly_after_buffers_are_dropped()
    {
        var rng = new Rng(12);
        var net = Mlp.Create([3, 6, 2], Activation.Tanh, rng);
        var reference = net.Clone();
        for (int batch = 1; batch <= 3 * Sequential.CachedBatchSizes; batch++)
        {
            var x = Random.Matrix(rng, batch, 3);
            var dy = Random.Matrix(rng, batch, 2);
            net.ZeroGrad();
            reference.ZeroGrad();
            net.Forward(x);
            net.Predict(Random.Matrix(rng, batch + 100, 3));
            net.Backward(dy);
            reference.Forward(x);
            reference.Backward(dy);
            for (int p = 0; p < net.Parameters.Count; p++) Assert.Equal(reference.Parameters[p].Gradient, net.Parameters[p].Gradient);
        }
    }
}
