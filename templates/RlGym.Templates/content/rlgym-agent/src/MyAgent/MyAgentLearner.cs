using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Random;

namespace MyAgent;

/// <summary>
/// Tabular Q-learning with ε-greedy exploration: off-policy TD control on Discrete observations and actions.
/// Replace <see cref="Act(int, bool)"/> and <see cref="Observe(in Transition{int, int})"/> with your algorithm.
/// </summary>
/// <remarks>
/// The trainer owns the environments and calls the agent; the agent never makes or steps one. Per vector step it
/// hands the K copies' observations to the batch <c>Act</c> and the step's transitions to the batch
/// <c>Observe</c>. Both default to calling the single-observation members copy by copy, which is all a table
/// needs. Evaluation and watching call <see cref="Act(int, bool)"/> with <c>explore: false</c>.
/// </remarks>
public sealed class MyAgentLearner : IAgent<int, int>, IActionValues<int>
{
    /// <summary>The name on the command line: <c>rlgym train … --agent my-agent</c>.</summary>
    public const string AgentName = "my-agent";

    private const int FileVersion = 1;

    private readonly double[] _q; // Q(s, a) at [s * actions + a]
    private readonly int _states, _actions;
    private readonly Rng _rng;
    private long _updates;

    /// <summary>An agent for <paramref name="states"/> × <paramref name="actions"/> with every Q(s, a) at 0.</summary>
    public MyAgentLearner(int states, int actions, MyAgentOptions options, long seed)
    {
        _states = states;
        _actions = actions;
        Options = options;
        _q = new double[states * actions];
        _rng = new Rng(seed);
    }

    /// <summary>The hyperparameters.</summary>
    public MyAgentOptions Options { get; }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>Transitions learned from so far.</summary>
    public long Updates => _updates;

    /// <inheritdoc />
    public int ActionCount => _actions;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <inheritdoc />
    public void ActionValues(int observation, Span<double> values) => Row(observation).CopyTo(values);

    /// <summary>ε-greedy on Q while exploring; greedy (ties broken at random) otherwise.</summary>
    public int Act(int observation, bool explore)
    {
        if (explore && _rng.NextDouble() < Options.Epsilon) return _rng.NextInt(_actions);
        return Greedy(observation);
    }

    // The batch members of IAgent go here when an agent needs them: one call for the K copies' observations
    // (a network evaluates them as one matrix), and one for the step's transitions, each naming its copy
    // (t.Copy), for agents that keep per-episode state per copy (Sarsa's next action, a Monte Carlo episode).
    // A table needs neither, so this one keeps IAgent's defaults, which call Act and Observe copy by copy:
    //
    // public void Act(ReadOnlySpan<int> observations, Span<int> actions) { … }
    // public void Observe(ReadOnlySpan<Transition<int, int>> transitions) { … }

    /// <summary>One Q-learning update from one transition.</summary>
    public void Observe(in Transition<int, int> t)
    {
        // y_t = r_t + γ max_a Q(s_{t+1}, a); a terminal s_{t+1} is worth 0, a truncated one still bootstraps.
        double y = t.Reward + (t.Terminated ? 0 : Options.Gamma * Max(Row(t.NextObservation)));

        // δ_t = Q(s_t, a_t) − y_t;  Q(s_t, a_t) ← Q(s_t, a_t) − α δ_t
        ref double q = ref _q[t.Observation * _actions + t.Action];
        double delta = q - y;
        q -= Options.Alpha * delta;
        _updates++;
    }

    /// <summary>
    /// Writes Q, the counter and the generator's state: a loaded agent continues exactly. The options are not in the
    /// file: they come from the run's configuration, which the tool saves beside it.
    /// </summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(AgentName);
        w.Write(FileVersion);
        w.Write(_states);
        w.Write(_actions);
        w.Write(_updates);
        foreach (double v in _q) w.Write(v);
        _rng.GetState().Write(w);
    }

    /// <summary>
    /// Reads what <see cref="Save"/> wrote. A file of another agent or size, or one cut short, is refused in one line
    /// and leaves the agent as it was.
    /// </summary>
    public void Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            string name = r.ReadString();
            int version = r.ReadInt32();
            if (name != AgentName || version != FileVersion)
                throw new UserInputException($"cannot load {AgentName}: the file holds '{name}' version {version}, not {AgentName} version {FileVersion}");
            int states = r.ReadInt32(), actions = r.ReadInt32();
            if (states != _states || actions != _actions)
                throw new UserInputException($"cannot load {AgentName}: the file is for {states} states × {actions} actions; this environment has {_states} × {_actions}");
            long updates = r.ReadInt64();
            var q = new double[_q.Length];
            for (int i = 0; i < q.Length; i++) q[i] = r.ReadDouble();
            var rng = RngState.Read(r);

            q.CopyTo(_q, 0);
            _updates = updates;
            _rng.SetState(rng);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new UserInputException($"cannot load {AgentName}: the file is cut short or not an agent file");
        }
    }

    private ReadOnlySpan<double> Row(int state) => _q.AsSpan(state * _actions, _actions);

    private static double Max(ReadOnlySpan<double> row)
    {
        double max = row[0];
        foreach (double v in row) max = Math.Max(max, v);
        return max;
    }

    private int Greedy(int state)
    {
        var row = Row(state);
        double max = Max(row);
        // Random tie-breaking: with a fixed first-index choice an all-zero row would always pick action 0.
        int ties = 0, choice = 0;
        for (int a = 0; a < row.Length; a++)
            if (row[a] == max && _rng.NextInt(++ties) == 0) choice = a;
        return choice;
    }
}
