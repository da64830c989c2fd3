using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Neural.Tests.Optimizers;

public sealed class SaveLoadTests
{
    private static void TrainSteps(Sequential net, Optimizer optimizer, Matrix<double> x, Matrix<double> y, int steps)
    {
        var loss = new HuberLoss();
        for (int i = 0; i < steps; i++)
        {
            net.ZeroGrad();
            var q = net.Forward(x);
            net.Backward(loss.Gradient(q, y));
            optimizer.Step();
        }
    }

    [Fact]
    public void A_reloaded_network_and_Adam_continue_exactly_as_the_original()
    {
        var rng = new Rng(21);
        var x = Random.Matrix(rng, 16, 4);
        var y = Random.Matrix(rng, 16, 2);
        var net = Mlp.Create([4, 16, 2], Activation.ReLU, rng);
        var adam = new Adam(net.Parameters, LearningRateSchedule.Linear(1e-2, 1e-3, 50)) { MaxGradNorm = 1.0 };
        TrainSteps(net, adam, x, y, 10);

        using var file = new MemoryStream();
        net.Save(file);
        adam.Save(file);

        var copy = Mlp.Create([4, 16, 2], Activation.ReLU, new Rng(999));
        var copyAdam = new Adam(copy.Parameters, LearningRateSchedule.Linear(1e-2, 1e-3, 50)) { MaxGradNorm = 1.0 };
        file.Position = 0;
        copy.Load(file);
        copyAdam.Load(file);

        Assert.Equal(net.Predict(x).Clone(), copy.Predict(x).Clone());
        Assert.Equal(adam.StepCount, copyAdam.StepCount);
        TrainSteps(net, adam, x, y, 5);
        TrainSteps(copy, copyAdam, x, y, 5);
        Assert.Equal(net.Predict(x).Clone(), copy.Predict(x).Clone());
    }

    [Fact]
    public void Loading_into_a_different_shape_names_the_mismatch_and_changes_nothing()
    {
        var net = Mlp.Create([4, 16, 2], Activation.Tanh, new Rng(1));
        using var file = new MemoryStream();
        net.Save(file);

        var other = Mlp.Create([4, 32, 2], Activation.Tanh, new Rng(2));
        var before = other.Parameters[0].Value.Clone();
        file.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => other.Load(file));
        Assert.Contains("4×16", ex.Message);
        Assert.Contains("4×32", ex.Message);
        Assert.Equal(before, other.Parameters[0].Value);
    }

    [Fact]
    public void Loading_the_wrong_kind_of_file_is_refused()
    {
        var net = Mlp.Create([4, 8, 2], Activation.Tanh, new Rng(1));
        using var garbage = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => net.Load(garbage));

        using var file = new MemoryStream();
        new Sgd(net.Parameters, 0.1, momentum: 0.9).Save(file);
        file.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => new Adam(net.Parameters, 1e-3).Load(file));
        Assert.Contains("Sgd", ex.Message);
        file.Position = 0;
        Assert.Throws<InvalidDataException>(() => net.Load(file));
    }
}
