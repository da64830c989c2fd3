namespace RlGym.Core.Tabular;

/// <summary>Kinds of grid cell, for drawing grid-worlds the same way whichever environment they come from.</summary>
public enum CellKind
{
    /// <summary>Open floor.</summary>
    Floor,
    /// <summary>A wall: cannot be entered.</summary>
    Wall,
    /// <summary>Where episodes start.</summary>
    Start,
    /// <summary>A goal.</summary>
    Goal,
    /// <summary>A hole, pit or cliff.</summary>
    Hazard,
}

/// <summary>A grid-world seen as a grid: its cells and where a state sits. Rendering draws any such environment.</summary>
public interface IGridView
{
    /// <summary>Rows of the grid.</summary>
    int Rows { get; }

    /// <summary>Columns of the grid.</summary>
    int Columns { get; }

    /// <summary>The kind of the cell at (row, column).</summary>
    CellKind CellAt(int row, int column);

    /// <summary>The character that stands for the cell in the environment's map.</summary>
    char CharAt(int row, int column);

    /// <summary>The cell of a state (for Taxi, the taxi's cell).</summary>
    (int Row, int Column) CellOf(int state);

    /// <summary>The state the environment is in now.</summary>
    int CurrentState { get; }
}
