using RlGym.Core.Agents;
using RlGym.Core.Random;

namespace RlGym.Training.Tests.Support;

/// <summary>
/// A tiny deterministic tabular Q-learning agent for the trainer's tests: ε-greedy from its own seeded generator,
/// greedy ties broken by the lowest action (so greedy evaluation draws nothing), ε decayed at each episode's last
/// transition.
/// Save writes the Q-table, ε and the generator state; Load restores them exactly.
/// </summary>
public sealed class TinyQAgent : IAgent<int, int>, IExploring
{
    private readonly double[] _q;
    private readonly int _actions;
    private readonly Rng _rng;
    private double _epsilon = 1.0;

    public TinyQAgent(int states, int actions, long seed)
    {
        _q = new double[states * actions];
        _actions = actions;
        _rng = new Rng(seed);
    }

    public string Name => "tiny-q";
    public double ExplorationRate => _epsilon;
    public int Updates { get; private set; }

    public int Act(int observation, bool explore)
    {
        if (explore && _rng.NextDouble() < _epsilon) return _rng.NextInt(_actions);
        int best = 0;
        for (int a = 1; a < _actions; a++)
            if (_q[observation * _actions + a] > _q[observation * _actions + best]) best = a;
        return best;
    }

    public void Observe(in Transition<int, int> t)
    {
        // Q(s,a) ← Q(s,a) + α [r + γ max_a' Q(s',a') − Q(s,a)], α = 0.1, γ = 0.99
        double next = 0;
        if (!t.Terminated)
        {
            next = double.NegativeInfinity;
            for (int a = 0; a < _actions; a++) next = Math.Max(next, _q[t.NextObservation * _actions + a]);
        }
        ref double q = ref _q[t.Observation * _actions + t.Action];
        q += 0.1 * (t.Reward + 0.99 * next - q);
        Updates++;
        if (t.Done) _epsilon = Math.Max(0.05, _epsilon * 0.97);
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(_q.Length);
        foreach (var v in _q) w.Write(v);
        w.Write(_epsilon);
        _rng.GetState().Write(w);
    }

    public void Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        int n = r.ReadInt32();
        if (n != _q.Length) throw new InvalidDataException($"table of {n} values, expected {_q.Length}");
        for (int i = 0; i < n; i++) _q[i] = r.ReadDouble();
        _epsilon = r.ReadDouble();
        _rng.SetState(RngState.Read(r));
    }

    public byte[] Bytes()
    {
        using var ms = new MemoryStream();
        Save(ms);
        return ms.ToArray();
    }
}
