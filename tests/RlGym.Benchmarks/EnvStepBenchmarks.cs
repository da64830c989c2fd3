using BenchmarkDotNet.Attributes;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;

namespace RlGym.Benchmarks;

/// <summary>
/// One environment step (with a reset when the episode ends), bare and as registry.Make wraps it, both called through
/// <c>IEnv&lt;TObs,TAct&gt;</c> as a training loop calls them. BenchmarkDotNet runs each method in its own process, so
/// the JIT's profile of one does not shape another.
/// </summary>
[MemoryDiagnoser]
public class EnvStepBenchmarks
{
    private const int Mask = 1023;
    private readonly int[] _actions2 = new int[Mask + 1];
    private readonly int[] _actions4 = new int[Mask + 1];
    private IEnv<float[], int> _cartPole = null!;
    private IEnv<float[], int> _cartPoleWrapped = null!;
    private IEnv<int, int> _frozenLake = null!;
    private IEnv<int, int> _frozenLakeWrapped = null!;
    private IEnv<int, int> _cliffWalking = null!;
    private IEnv<int, int> _cliffWalkingWrapped = null!;
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
        IEnv<TObs, int> Bare<TObs>(string id) where TObs : notnull
        {
            var spec = registry.Spec(id);
            var env = (IEnv<TObs, int>)spec.Factory(new EnvOptions().WithDefaults(spec.DefaultOptions));
            env.Reset(1);
            return env;
        }
        IEnv<TObs, int> Wrapped<TObs>(string id) where TObs : notnull
        {
            var env = registry.Make<TObs, int>(id);
            env.Reset(1);
            return env;
        }
        _cartPole = Bare<float[]>("CartPole-v1");
        _cartPoleWrapped = Wrapped<float[]>("CartPole-v1");
        _frozenLake = Bare<int>("FrozenLake-v1");
        _frozenLakeWrapped = Wrapped<int>("FrozenLake-v1");
        _cliffWalking = Bare<int>("CliffWalking-v1");
        _cliffWalkingWrapped = Wrapped<int>("CliffWalking-v1");
    }

    private static double Step<TObs>(IEnv<TObs, int> env, int action) where TObs : notnull
    {
        var r = env.Step(action);
        if (r.Terminated || r.Truncated) env.Reset();
        return r.Reward;
    }

    [Benchmark]
    public double CartPoleStep() => Step(_cartPole, _actions2[_i++ & Mask]);

    [Benchmark]
    public double CartPoleStepWrapped() => Step(_cartPoleWrapped, _actions2[_i++ & Mask]);

    [Benchmark]
    public double FrozenLakeStep() => Step(_frozenLake, _actions4[_i++ & Mask]);

    [Benchmark]
    public double FrozenLakeStepWrapped() => Step(_frozenLakeWrapped, _actions4[_i++ & Mask]);

    [Benchmark]
    public double CliffWalkingStep() => Step(_cliffWalking, _actions4[_i++ & Mask]);

    [Benchmark]
    public double CliffWalkingStepWrapped() => Step(_cliffWalkingWrapped, _actions4[_i++ & Mask]);
}
