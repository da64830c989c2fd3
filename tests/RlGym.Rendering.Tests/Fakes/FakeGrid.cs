using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Rendering.Tests.Fakes;

/// <summary>A grid-world read from a text map (S start, G goal, H hole, W wall, F floor); state = row·columns + column.</summary>
public sealed class FakeGrid : Env<int, int>, IGridView
{
    private readonly string[] _map;

    private readonly int _statesPerCell;

    public FakeGrid(string id, params string[] map) : this(id, 1, map) { }

    /// <summary>A grid with several states per cell, laid out as Taxi's: state = cell · k + rest.</summary>
    public FakeGrid(string id, int statesPerCell, params string[] map)
    {
        _map = map;
        _statesPerCell = statesPerCell;
        Spec = new EnvSpec { Id = id, Factory = _ => this };
        ObservationSpace = new Discrete(Rows * Columns * statesPerCell);
    }

    public static FakeGrid FourByFour(string id = "FrozenLake-v1") => new(id, "SFFF", "FHFH", "FFFH", "HFFG");

    public int Rows => _map.Length;
    public int Columns => _map[0].Length;
    public int CurrentState { get; set; }

    public CellKind CellAt(int row, int column) => _map[row][column] switch
    {
        'S' => CellKind.Start,
        'G' => CellKind.Goal,
        'H' => CellKind.Hazard,
        'W' => CellKind.Wall,
        _ => CellKind.Floor,
    };

    public char CharAt(int row, int column) => _map[row][column];
    public (int Row, int Column) CellOf(int state) => (state / _statesPerCell / Columns, state / _statesPerCell % Columns);

    public override Space<int> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; } = new Discrete(4);

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        CurrentState = 0;
        return new ResetResult<int>(0, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        CurrentState = Math.Min(CurrentState + 1, Rows * Columns - 1);
        return new StepResult<int>(CurrentState, 0, false, false, Info.Empty);
    }
}
