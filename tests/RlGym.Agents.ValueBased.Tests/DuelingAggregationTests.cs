using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class DuelingAggregationTests
{
    [Fact]
    public void The_advantage_part_of_every_row_averages_to_zero()
    {
        var rng = new Rng(1);
        var input = Matrix<double>.Build.Dense(7, 5, (_, _) => 3 * rng.NextGaussian());
        var output = Matrix<double>.Build.Dense(7, 4);
        new DuelingAggregation().Forward(input, output);
        for (int i = 0; i < 7; i++)
        {
            // Q(s,a) − V(s) = A(s,a) − mean A: zero mean over a; and mean_a Q(s,a) = V(s).
            double meanOfAdvantagePart = Enumerable.Range(0, 4).Average(a => output[i, a] - input[i, 0]);
            Assert.Equal(0, meanOfAdvantagePart, 12);
            double meanA = Enumerable.Range(1, 4).Average(a => input[i, a]);
            for (int a = 0; a < 4; a++) Assert.Equal(input[i, 0] + input[i, a + 1] - meanA, output[i, a], 12);
        }
    }

    [Fact]
    public void Adding_a_constant_to_every_advantage_leaves_q_unchanged()
    {
        var input = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 1, 2, 3 } });
        var shifted = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 11, 12, 13 } });
        var q1 = Matrix<double>.Build.Dense(1, 3);
        var q2 = Matrix<double>.Build.Dense(1, 3);
        new DuelingAggregation().Forward(input, q1);
        new DuelingAggregation().Forward(shifted, q2);
        Assert.Equal(q1.ToArray(), q2.ToArray());
        Assert.Equal([-0.5, 0.5, 1.5], q1.Row(0).ToArray());
    }

    [Fact]
    public void The_aggregation_gradient_matches_finite_differences()
    {
        var rng = new Rng(2);
        var input = Matrix<double>.Build.Dense(6, 4, (_, _) => rng.NextGaussian());
        var result = GradientCheck.Layer(new DuelingAggregation(), input, rng);
        Assert.True(result.MaxRelativeError < 1e-6, result.ToString());
    }

    [Fact]
    public void The_whole_dueling_network_gradient_matches_finite_differences()
    {
        var rng = new Rng(3);
        var mlp = Mlp.Create([3, 8, 1 + 2], Activation.Tanh, rng);
        var net = new Sequential(3, [.. mlp.Layers, new DuelingAggregation()]);
        var input = Matrix<double>.Build.Dense(5, 3, (_, _) => rng.NextGaussian());
        var target = Matrix<double>.Build.Dense(5, 2, (_, _) => rng.NextGaussian());
        var result = GradientCheck.Network(net, input,
            q => 0.5 * (q - target).PointwisePower(2).Enumerate().Sum(),
            q => q - target);
        Assert.True(result.MaxRelativeError < 1e-4, result.ToString());
    }

    [Fact]
    public void A_dueling_agent_copies_saves_and_predicts_through_the_aggregation()
    {
        var agent = new DqnAgent(4, 3, new DqnOptions { Dueling = true, HiddenSizes = [16] }, seed: 4);
        Assert.IsType<DuelingAggregation>(agent.QNetwork.Layers[^1]);
        Assert.Equal(3, agent.QNetwork.OutputSize);
        Span<double> q = stackalloc double[3];
        agent.ActionValues([0.1f, -0.2f, 0.3f, 0.05f], q);
        Span<double> qTarget = stackalloc double[3];
        agent.TargetNetwork.Predict([0.1f, -0.2f, 0.3f, 0.05f]).CopyTo(qTarget);
        Assert.Equal(q.ToArray(), qTarget.ToArray());
    }
}
