using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>
/// A corridor of cells 0..n−1: action 0 moves left, 1 moves right; reaching the last cell gives reward 1 and ends
/// the episode. With <c>slip</c> &gt; 0 a move goes the other way with that probability. Start: cell 0.
/// Small enough that planning answers are known: the value of cell s under γ is γ^(n−2−s).
/// </summary>
public sealed class CorridorEnv : Env<int, int>, ITabularModel, IGridView
{
    private readonly int _n;
    private readonly double _slip;
    private int _state;

    public CorridorEnv(EnvOptions options)
    {
        _n = options.GetInt("length", 5, 2, 100);
        _slip = options.GetDouble("slip", 0, 0, 1);
        ObservationSpace = new Discrete(_n);
        ActionSpace = new Discrete(2);
    }

    public override Space<int> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; }

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _state = 0;
        return new ResetResult<int>(_state, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        CheckAction(action);
        bool right = action == 1;
        if (_slip > 0 && Random.NextDouble() < _slip) right = !right;
        _state = Move(_state, right);
        bool goal = _state == _n - 1;
        return new StepResult<int>(_state, goal ? 1 : 0, goal, false, Info.Empty);
    }

    private int Move(int s, bool right) => Math.Clamp(s + (right ? 1 : -1), 0, _n - 1);

    public int StateCount => _n;
    public int ActionCount => 2;

    public IReadOnlyList<Outcome> Outcomes(int state, int action)
    {
        if (IsTerminal(state)) return [new Outcome(1, state, 0, true)];
        Outcome O(double p, bool right)
        {
            int next = Move(state, right);
            return new Outcome(p, next, next == _n - 1 ? 1 : 0, next == _n - 1);
        }
        bool r = action == 1;
        return _slip > 0 ? [O(1 - _slip, r), O(_slip, !r)] : [O(1, r)];
    }

    public bool IsTerminal(int state) => state == _n - 1;

    public int Rows => 1;
    public int Columns => _n;
    public CellKind CellAt(int row, int column) => column == 0 ? CellKind.Start : column == _n - 1 ? CellKind.Goal : CellKind.Floor;
    public char CharAt(int row, int column) => column == 0 ? 'S' : column == _n - 1 ? 'G' : '.';
    public (int Row, int Column) CellOf(int state) => (0, state);
    public int CurrentState => _state;
}
