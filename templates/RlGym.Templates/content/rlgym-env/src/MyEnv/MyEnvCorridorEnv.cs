using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace MyEnv;

/// <summary>
/// A corridor of cells, walked from the left end to the goal at the right end.
/// <para><b>Action space.</b> Discrete(2): 0 moves left, 1 moves right.</para>
/// <para><b>Observation space.</b> Discrete(length): the cell the agent stands in.</para>
/// <para><b>Rewards.</b> +1 for reaching the goal, 0 for every other step.</para>
/// <para><b>Starting state.</b> Cell 0.</para>
/// <para><b>Episode end.</b> Terminated at the goal; truncated by the registry's time limit.</para>
/// <para><b>Arguments.</b> <c>length</c> (cells, 2–100, default 6); <c>slip</c> (probability that a move goes the
/// other way, 0–1, default 0).</para>
/// </summary>
/// <remarks>
/// <see cref="ITabularModel"/> gives <c>rlgym plan</c> the exact transition model, and <see cref="IGridView"/> lets
/// <c>rlgym render</c> and the window draw the corridor as a one-row grid.
/// </remarks>
public sealed class MyEnvCorridorEnv : Env<int, int>, ITabularModel, IGridView
{
    private readonly int _length;
    private readonly double _slip;
    private int _state;

    /// <summary>Reads <c>length</c> and <c>slip</c> from the options (<c>-o length=8</c> on the command line).</summary>
    public MyEnvCorridorEnv(EnvOptions options)
    {
        _length = options.GetInt("length", 6, 2, 100);
        _slip = options.GetDouble("slip", 0, 0, 1);
        ObservationSpace = new Discrete(_length);
        ActionSpace = new Discrete(2);
    }

    /// <inheritdoc />
    public override Space<int> ObservationSpace { get; }

    /// <inheritdoc />
    public override Space<int> ActionSpace { get; }

    /// <inheritdoc />
    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed); // a seed restarts the stream; no seed continues it
        _state = 0;
        return new ResetResult<int>(_state, Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<int> Step(int action)
    {
        CheckAction(action);
        bool right = action == 1;
        if (_slip > 0 && Random.NextDouble() < _slip) right = !right;
        _state = Move(_state, right);
        bool goal = _state == _length - 1;
        return new StepResult<int>(_state, goal ? 1 : 0, goal, false, Info.Empty);
    }

    private int Move(int state, bool right) => Math.Clamp(state + (right ? 1 : -1), 0, _length - 1);

    // ITabularModel: what `rlgym plan` solves.

    /// <inheritdoc />
    public int StateCount => _length;

    /// <inheritdoc />
    public int ActionCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<Outcome> Outcomes(int state, int action)
    {
        if (IsTerminal(state)) return [new Outcome(1, state, 0, true)];
        var outcomes = new List<Outcome>(2);
        void Add(double p, bool right)
        {
            if (p <= 0) return;
            int next = Move(state, right);
            bool goal = next == _length - 1;
            outcomes.Add(new Outcome(p, next, goal ? 1 : 0, goal));
        }
        Add(1 - _slip, action == 1);
        Add(_slip, action != 1);
        return outcomes;
    }

    /// <inheritdoc />
    public bool IsTerminal(int state) => state == _length - 1;

    // IGridView: how renderers draw it.

    /// <inheritdoc />
    public int Rows => 1;

    /// <inheritdoc />
    public int Columns => _length;

    /// <inheritdoc />
    public CellKind CellAt(int row, int column) =>
        column == 0 ? CellKind.Start : column == _length - 1 ? CellKind.Goal : CellKind.Floor;

    /// <inheritdoc />
    public char CharAt(int row, int column) => column == 0 ? 'S' : column == _length - 1 ? 'G' : '.';

    /// <inheritdoc />
    public (int Row, int Column) CellOf(int state) => (0, state);

    /// <inheritdoc />
    public int CurrentState => _state;
}
