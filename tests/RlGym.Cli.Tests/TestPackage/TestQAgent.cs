using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>Hyperparameters of the test Q-learning agent.</summary>
public sealed record TestQOptions
{
    [Description("Step size"), Range(0.0, 1.0)] public double Alpha { get; set; } = 0.5;
    [Description("Discount"), Range(0.0, 1.0)] public double Gamma { get; set; } = 0.9;
    [Description("Exploration rate"), Range(0.0, 1.0)] public double Epsilon { get; set; } = 0.2;
}

/// <summary>A small ε-greedy Q-learning agent for Discrete observations and actions, enough to exercise train, eval and compare.</summary>
public sealed class TestQAgent(int states, int actions, TestQOptions options, long seed) : IAgent<int, int>, IExploring
{
    // Optimistic initial values (the largest return of the test envs) make the greedy choice explore.
    private readonly double[] _q = Enumerable.Repeat(1.0, states * actions).ToArray();
    private readonly Rng _rng = new(seed);

    public string Name => "test-q";
    public double ExplorationRate => options.Epsilon;

    public int Act(int s, bool explore)
    {
        if (explore && _rng.NextDouble() < options.Epsilon) return _rng.NextInt(actions);
        int best = 0;
        for (int a = 1; a < actions; a++) if (_q[s * actions + a] > _q[s * actions + best]) best = a;
        return best;
    }

    public void Observe(in Transition<int, int> t)
    {
        double next = 0;
        if (!t.Terminated)
        {
            next = double.NegativeInfinity;
            for (int a = 0; a < actions; a++) next = Math.Max(next, _q[t.NextObservation * actions + a]);
        }
        // Q(s,a) ← Q(s,a) + α [r + γ max_a' Q(s',a') − Q(s,a)]
        ref double q = ref _q[t.Observation * actions + t.Action];
        q += options.Alpha * (t.Reward + options.Gamma * next - q);
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(_q.Length);
        foreach (var v in _q) w.Write(v);
        _rng.GetState().Write(w);
    }

    public void Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != _q.Length) throw new InvalidDataException("Q-table size differs.");
        for (int i = 0; i < _q.Length; i++) _q[i] = r.ReadDouble();
        _rng.SetState(RngState.Read(r));
    }
}

/// <summary>Picks uniformly random actions and learns nothing: the baseline of comparisons.</summary>
public sealed class TestRandomAgent(int actions, long seed) : IAgent<int, int>
{
    private readonly Rng _rng = new(seed);
    public string Name => "test-random";
    public int Act(int observation, bool explore) => _rng.NextInt(actions);
    public void Observe(in Transition<int, int> transition) { }
    public void Save(Stream stream) { }
    public void Load(Stream stream) { }
}

/// <summary>An agent without hyperparameters.</summary>
public sealed record NoOptions;

/// <summary>The test agents, loaded through <c>--plugin</c> with the test environments.</summary>
public sealed class TestAgents : IAgentPackage
{
    public void Register(AgentRegistry registry)
    {
        registry.Register(new QFactory());
        registry.Register(new RandomFactory());
    }

    private static string? DiscreteOnly(IEnv env) =>
        env.ObservationSpace is Discrete && env.ActionSpace is Discrete ? null
            : $"test agents need Discrete observations and actions, not {env.ObservationSpace} and {env.ActionSpace}; try --wrap discretize";

    private sealed class QFactory : IAgentFactory
    {
        public AgentInfo Info { get; } = new("test-q", "Q-learning for tests", "Discrete observations, Discrete actions",
            SettingsBinder.Describe(new TestQOptions()));
        public string? Refusal(IEnv env) => DiscreteOnly(env);
        public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed) =>
            new TestQAgent(((Discrete)env.ObservationSpace).N, ((Discrete)env.ActionSpace).N, SettingsBinder.Bind(new TestQOptions(), settings), seed);
    }

    private sealed class RandomFactory : IAgentFactory
    {
        public AgentInfo Info { get; } = new("test-random", "Uniformly random actions", "Discrete observations, Discrete actions", []);
        public string? Refusal(IEnv env) => DiscreteOnly(env);
        public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
        {
            SettingsBinder.Bind(new NoOptions(), settings);
            return new TestRandomAgent(((Discrete)env.ActionSpace).N, seed);
        }
    }
}
