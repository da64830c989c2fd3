using RlGym.Core.Tabular;

namespace RlGym.Rendering.Live;

/// <summary>The fixed part of a grid-world: its size and the kind and map character of every cell.</summary>
public sealed class GridLayout
{
    private readonly CellKind[] _kinds;
    private readonly char[] _chars;

    /// <summary>Creates a layout from row-major kinds and characters.</summary>
    public GridLayout(int rows, int columns, CellKind[] kinds, char[] chars)
    {
        if (rows <= 0 || columns <= 0) throw new ArgumentException($"A grid needs rows and columns > 0, got {rows}×{columns}.");
        if (kinds.Length != rows * columns || chars.Length != rows * columns)
            throw new ArgumentException($"A {rows}×{columns} grid needs {rows * columns} cells.");
        Rows = rows;
        Columns = columns;
        _kinds = (CellKind[])kinds.Clone();
        _chars = (char[])chars.Clone();
    }

    /// <summary>Reads the cells of a grid view once (maps do not change during a run).</summary>
    public static GridLayout From(IGridView view)
    {
        int n = view.Rows * view.Columns;
        var kinds = new CellKind[n];
        var chars = new char[n];
        for (int r = 0; r < view.Rows; r++)
            for (int c = 0; c < view.Columns; c++)
            {
                kinds[r * view.Columns + c] = view.CellAt(r, c);
                chars[r * view.Columns + c] = view.CharAt(r, c);
            }
        return new GridLayout(view.Rows, view.Columns, kinds, chars);
    }

    /// <summary>Rows.</summary>
    public int Rows { get; }

    /// <summary>Columns.</summary>
    public int Columns { get; }

    /// <summary>The kind of a cell.</summary>
    public CellKind KindAt(int row, int column) => _kinds[row * Columns + column];

    /// <summary>The map character of a cell.</summary>
    public char CharAt(int row, int column) => _chars[row * Columns + column];
}
