using BenchmarkDotNet.Attributes;
using RlGym.Core.Registration;
using RlGym.Core.Vector;
using RlGym.Envs.ClassicControl;

namespace RlGym.Benchmarks;

/// <summary>
/// One step of K CartPole copies, reported per copy (OperationsPerInvoke = K) so that it compares with
/// <see cref="EnvStepBenchmarks.CartPoleStep"/>: the structure-of-arrays env on one and two threads, and K
/// registry-made copies stepped one after another.
/// </summary>
[MemoryDiagnoser]
public class VectorEnvBenchmarks
{
    private const int Copies = 1024;
    private readonly int[] _actions = new int[64 * Copies];
    private IVectorEnv<int> _arrays = null!;
    private IVectorEnv<int> _arraysTwoThreads = null!;
    private IVectorEnv<int> _copies = null!;
    private int _row;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new RlGym.Core.Random.Rng(1);
        for (int i = 0; i < _actions.Length; i++) _actions[i] = rng.NextInt(2);
        var registry = new EnvRegistry().Add(new ClassicControlEnvironments());
        _arrays = registry.MakeVector<int>("CartPole-v1", Copies);
        _arraysTwoThreads = registry.MakeVector<int>("CartPole-v1", Copies, threads: 2);
        _copies = new SyncVectorEnv<int>(Copies, _ => registry.Make<float[], int>("CartPole-v1"));
        foreach (var env in new[] { _arrays, _arraysTwoThreads, _copies }) env.Reset(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _arrays.Dispose();
        _arraysTwoThreads.Dispose();
        _copies.Dispose();
    }

    private ReadOnlySpan<int> NextActions() => _actions.AsSpan((_row++ & 63) * Copies, Copies);

    [Benchmark(OperationsPerInvoke = Copies)]
    public double CartPoleVectorEnv() => _arrays.Step(NextActions()).Rewards[0];

    [Benchmark(OperationsPerInvoke = Copies)]
    public double CartPoleVectorEnvTwoThreads() => _arraysTwoThreads.Step(NextActions()).Rewards[0];

    [Benchmark(OperationsPerInvoke = Copies)]
    public double SyncVectorEnvOfRegistryCopies() => _copies.Step(NextActions()).Rewards[0];
}
