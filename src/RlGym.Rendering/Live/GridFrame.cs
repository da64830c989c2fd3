using RlGym.Core.Agents;
using RlGym.Core.Tabular;

namespace RlGym.Rendering.Live;

/// <summary>
/// A grid-world at one moment: the layout, the agent's cell and, when the agent can tell them, the state value
/// V(s) = max_a Q(s, a) and the greedy action of every cell (row-major; NaN and −1 where there is none).
/// </summary>
public sealed record GridFrame(GridLayout Layout, int AgentRow, int AgentColumn, double[]? CellValues, int[]? GreedyActions)
{
    /// <summary>
    /// Reads the grid and the agent's values. When there are more states than cells (Taxi: the taxi's cell times
    /// passenger and destination), a cell shows the state that shares the current state's remainder modulo
    /// states-per-cell, i.e. the values for the current passenger and destination.
    /// </summary>
    public static GridFrame Capture(GridLayout layout, IGridView view, int stateCount, IActionValues<int>? values)
    {
        int current = view.CurrentState;
        var (row, column) = view.CellOf(current);
        if (values is null || stateCount <= 0) return new GridFrame(layout, row, column, null, null);

        int cells = layout.Rows * layout.Columns;
        int perCell = stateCount > cells && stateCount % cells == 0 ? stateCount / cells : 1;
        var cellValues = new double[cells];
        var greedy = new int[cells];
        Array.Fill(cellValues, double.NaN);
        Array.Fill(greedy, -1);
        Span<double> q = values.ActionCount <= 64 ? stackalloc double[values.ActionCount] : new double[values.ActionCount];
        for (int s = 0; s < stateCount; s++)
        {
            if (perCell > 1 && s % perCell != current % perCell) continue;
            var (r, c) = view.CellOf(s);
            if (r < 0 || r >= layout.Rows || c < 0 || c >= layout.Columns) continue;
            values.ActionValues(s, q);
            int best = 0;
            bool allEqual = true;
            for (int a = 1; a < q.Length; a++)
            {
                if (q[a] != q[0]) allEqual = false;
                if (q[a] > q[best]) best = a;
            }
            cellValues[r * layout.Columns + c] = q.Length > 0 ? q[best] : double.NaN;
            // Ties everywhere (an untrained table) have no greedy direction worth drawing.
            greedy[r * layout.Columns + c] = allEqual && q.Length > 1 ? -1 : best;
        }
        return new GridFrame(layout, row, column, cellValues, greedy);
    }
}
