using BenchmarkDotNet.Attributes;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;
using RlGym.Envs.ToyText.FrozenLake;

namespace RlGym.Benchmarks;

/// <summary>One environment step (with a reset when the episode ends), bare and as registry.Make wraps it.</summary>
[MemoryDiagnoser]
public class EnvStepBenchmarks
{
    private const int Mask = 1023;
    private readonly int[] _actions2 = new int[Mask + 1];
    private readonly int[] _actions4 = new int[Mask + 1];
    private CartPoleEnv _cartPole = null!;
    private IEnv<float[], int> _cartPoleWrapped = null!;
    private FrozenLakeEnv _frozenLake = null!;
    private IEnv<int, int> _frozenLakeWrapped = null!;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new RlGym.Core.Random.Rng(1);
        for (int i = 0; i <= Mask; i++)
        {
            _actions2[i] = rng.NextInt(2);
            _actions4[i] = rng.NextInt(4);
        }
        var registry = new EnvRegistry().Add(new ClassicControlEnvironments()).Add(new ToyTextEnvironments());
        _cartPole = new CartPoleEnv();
        _cartPole.Reset(1);
        _cartPoleWrapped = registry.Make<float[], int>("CartPole-v1");
        _cartPoleWrapped.Reset(1);
        _frozenLake = new FrozenLakeEnv();
        _frozenLake.Reset(1);
        _frozenLakeWrapped = registry.Make<int, int>("FrozenLake-v1");
        _frozenLakeWrapped.Reset(1);
    }

    [Benchmark]
    public double CartPoleStep()
    {
        var r = _cartPole.Step(_actions2[_i++ & Mask]);
        if (r.Terminated) _cartPole.Reset();
        return r.Reward;
    }

    [Benchmark]
    public double CartPoleStepWrapped()
    {
        var r = _cartPoleWrapped.Step(_actions2[_i++ & Mask]);
        if (r.Terminated || r.Truncated) _cartPoleWrapped.Reset();
        return r.Reward;
    }

    [Benchmark]
    public double FrozenLakeStep()
    {
        var r = _frozenLake.Step(_actions4[_i++ & Mask]);
        if (r.Terminated) _frozenLake.Reset();
        return r.Reward;
    }

    [Benchmark]
    public double FrozenLakeStepWrapped()
    {
        var r = _frozenLakeWrapped.Step(_actions4[_i++ & Mask]);
        if (r.Terminated || r.Truncated) _frozenLakeWrapped.Reset();
        return r.Reward;
    }
}
