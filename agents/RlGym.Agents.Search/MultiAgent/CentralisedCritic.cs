using System.Text;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.MultiAgent;

/// <summary>
/// A centralised critic for a cooperative two-player game (lecture 7, centralised training with decentralised
/// execution): during training one critic sees the joint action and the team's reward and learns the value of joint
/// actions, which an independent learner cannot tell apart:
/// <code>
/// (a_0, a_1) ~ ε-greedy over joint actions of Q(s, ·, ·)
/// Q(s, a_0, a_1) ← Q(s, a_0, a_1) + α (r + γ max_{b_0,b_1} Q(s', b_0, b_1) − Q(s, a_0, a_1))   (no γ term at the end)
/// </code>
/// and at execution each player i plays its part of the critic's best joint action argmax Q(s, ·, ·) (ties to the
/// lowest joint index, so both players pick parts of the same joint action without talking). In the climbing game the
/// critic values (a, a) at 11 where independent learners, averaging over their partner's exploration, see it as the
/// riskiest action and settle for less.
/// <para>As a single-agent learner its action is the joint action (<c>MultiDiscrete([n₀, n₁])</c>) and its reward the
/// team's, which is player 0's in a fully cooperative game.</para>
/// </summary>
public sealed class CentralisedCritic : IAgent<int, int[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "centralised-critic";

    private const uint Magic = 0x43434752; // "RGCC" little-endian
    private readonly int _first, _second;
    private readonly double[] _q;
    private Rng _rng;

    /// <summary>Creates the critic for <paramref name="stateCount"/> observations and the two players' action counts, Q = 0.</summary>
    public CentralisedCritic(int stateCount, int firstActions, int secondActions, IndependentQLearnerOptions options, long seed)
    {
        _first = firstActions;
        _second = secondActions;
        Options = options;
        _q = new double[stateCount * firstActions * secondActions];
        _rng = new Rng(seed);
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public IndependentQLearnerOptions Options { get; }

    private int Joints => _first * _second;

    /// <summary>Q(s, a_0, a_1).</summary>
    public double Q(int state, int a0, int a1) => _q[state * Joints + a0 * _second + a1];

    /// <inheritdoc />
    public int[] Act(int observation, bool explore)
    {
        int joint = explore && _rng.NextDouble() < Options.Epsilon ? _rng.NextInt(Joints) : GreedyJoint(observation);
        return [joint / _second, joint % _second];
    }

    /// <summary>Player <paramref name="player"/>'s part of argmax Q(s, ·, ·): what it plays at execution, on its own.</summary>
    public int Decentralised(int state, int player)
    {
        int joint = GreedyJoint(state);
        return player == 0 ? joint / _second : joint % _second;
    }

    /// <inheritdoc />
    public void Observe(in Transition<int, int[]> t)
    {
        double target = t.Reward;
        if (!t.Terminated) target += Options.Gamma * _q[t.NextObservation * Joints + GreedyJoint(t.NextObservation)];
        ref double q = ref _q[t.Observation * Joints + t.Action[0] * _second + t.Action[1]];
        q += Options.Alpha * (target - q);
    }

    private int GreedyJoint(int state)
    {
        int best = 0;
        for (int j = 1; j < Joints; j++)
            if (_q[state * Joints + j] > _q[state * Joints + best]) best = j;
        return best;
    }

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
            throw new UserInputException($"the saved agent is not a {AgentName} of this game");
        for (int i = 0; i < _q.Length; i++) _q[i] = r.ReadDouble();
        _rng = RngFormat.Read(r);
    }
}
