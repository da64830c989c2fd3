using System.Text;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.MultiAgent;

/// <summary>
/// An independent Q-learner (lecture 7): one player of a multi-agent game that runs ordinary Q-learning on its own
/// action and its own reward, treating the other players as part of the environment:
/// <code>
/// a_i ~ ε-greedy(Q_i(s, ·))
/// Q_i(s, a_i) ← Q_i(s, a_i) + α (r_i + γ max_a' Q_i(s', a') − Q_i(s, a_i))      (no γ term when s' is terminal)
/// </code>
/// The others learn at the same time, so player i's environment is not stationary and the convergence guarantee of
/// single-agent Q-learning is lost: in the prisoner's dilemma defecting dominates whatever the other does and both
/// settle there, in a coordination game they settle on some equilibrium, and in matching pennies, whose only
/// equilibrium is mixed, the greedy policies chase each other round and round.
/// </summary>
public sealed class IndependentQLearner : IAgent<int, int>, IActionValues<int>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "independent-q";

    private const uint Magic = 0x51494752; // "RGIQ" little-endian
    private readonly double[] _q;
    private Rng _rng;

    /// <summary>Creates the learner for <paramref name="stateCount"/> observations and <paramref name="actionCount"/> actions of its own, Q = 0.</summary>
    public IndependentQLearner(int stateCount, int actionCount, IndependentQLearnerOptions options, long seed)
    {
        StateCount = stateCount;
        ActionCount = actionCount;
        Options = options;
        _q = new double[stateCount * actionCount];
        _rng = new Rng(seed);
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public IndependentQLearnerOptions Options { get; }

    /// <summary>Observations.</summary>
    public int StateCount { get; }

    /// <inheritdoc />
    public int ActionCount { get; }

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <summary>Q_i(s, a).</summary>
    public double Q(int state, int action) => _q[state * ActionCount + action];

    /// <inheritdoc />
    public int Act(int observation, bool explore) =>
        explore && _rng.NextDouble() < Options.Epsilon ? _rng.NextInt(ActionCount) : Greedy(observation);

    /// <summary>argmax_a Q_i(s, a), ties to the lowest action.</summary>
    public int Greedy(int state)
    {
        int best = 0;
        for (int a = 1; a < ActionCount; a++)
            if (Q(state, a) > Q(state, best)) best = a;
        return best;
    }

    /// <inheritdoc />
    public void Observe(in Transition<int, int> t)
    {
        double target = t.Reward;
        if (!t.Terminated) target += Options.Gamma * Q(t.NextObservation, Greedy(t.NextObservation));
        ref double q = ref _q[t.Observation * ActionCount + t.Action];
        q += Options.Alpha * (target - q);
    }

    /// <inheritdoc />
    public void ActionValues(int observation, Span<double> values) => _q.AsSpan(observation * ActionCount, ActionCount).CopyTo(values);

    /// <inheritdoc />
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(_q.Length);
        foreach (var q in _q) w.Write(q);
        RngFormat.Write(w, _rng);
    }

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadUInt32() != Magic || r.ReadInt32() != _q.Length)
            throw new UserInputException($"the saved agent is not an {AgentName} learner of this game");
        for (int i = 0; i < _q.Length; i++) _q[i] = r.ReadDouble();
        _rng = RngFormat.Read(r);
    }
}
