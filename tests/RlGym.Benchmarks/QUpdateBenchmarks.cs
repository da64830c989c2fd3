using BenchmarkDotNet.Attributes;
using RlGym.Agents.Tabular;
using RlGym.Core.Agents;

namespace RlGym.Benchmarks;

/// <summary>Q-learning's ε-greedy action and its TD update on a FrozenLake-sized table (16 states × 4 actions).</summary>
[MemoryDiagnoser]
public class QUpdateBenchmarks
{
    private QLearningAgent _agent = null!;
    private int _i;

    [GlobalSetup]
    public void Setup() => _agent = new QLearningAgent(16, 4, new QLearningOptions(), seed: 1);

    [Benchmark]
    public int Act() => _agent.Act(_i++ & 15, explore: true);

    [Benchmark]
    public void Update()
    {
        int s = _i++ & 15;
        _agent.Observe(new Transition<int, int>(s, s & 3, -1.0, (s + 1) & 15, Terminated: false, Truncated: false));
    }
}
