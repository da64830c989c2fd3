using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;

namespace RlGym.Benchmarks;

/// <summary>Forward and backward passes of the [4, 64, 64, 2] tanh network used for CartPole.</summary>
[MemoryDiagnoser]
public class DenseNetworkBenchmarks
{
    private Sequential _net = null!;
    private Matrix<double> _input = null!;
    private Matrix<double> _target = null!;
    private readonly MseLoss _loss = new();
    private readonly float[] _observation = [0.01f, -0.02f, 0.03f, 0.04f];

    /// <summary>Samples per forward/backward pass.</summary>
    [Params(1, 64)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        _net = Mlp.Create([4, 64, 64, 2], Activation.Tanh, rng);
        _input = Matrix<double>.Build.Dense(Batch, 4, (i, j) => rng.Uniform(-1, 1));
        _target = Matrix<double>.Build.Dense(Batch, 2, (i, j) => rng.Uniform(-1, 1));
    }

    [Benchmark]
    public Matrix<double> Forward() => _net.Forward(_input);

    [Benchmark]
    public Matrix<double> ForwardBackward()
    {
        _net.ZeroGrad();
        var output = _net.Forward(_input);
        return _net.Backward(_loss.Gradient(output, _target));
    }

    [Benchmark]
    public double PredictOne() => _net.Predict(_observation)[0];
}
