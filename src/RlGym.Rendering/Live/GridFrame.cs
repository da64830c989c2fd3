using RlGym.Core.Agents;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Taxi;

namespace RlGym.Rendering.Live;

/// <summary>Taxi's passenger and destination: depot indices (R, G, Y, B = 0…3); passenger 4 is in the taxi.</summary>
/// <param name="Passenger">Where the passenger is: a depot, or <see cref="TaxiEnv.InTaxi"/>.</param>
/// <param name="Destination">The depot the passenger wants to go to.</param>
public readonly record struct TaxiRide(int Passenger, int Destination)
{
    /// <summary>The depots' letters, as Gymnasium's map names them.</summary>
    public const string Letters = "RGYB";

    /// <summary>Which values the heat map shows: those of the states with this passenger and destination.</summary>
    public string Describe() => Passenger == TaxiEnv.InTaxi
        ? $"passenger in taxi, destination {Letters[Destination]}"
        : $"passenger at {Letters[Passenger]}, destination {Letters[Destination]}";
}

/// <summary>
/// A grid-world at one moment: the layout, the agent's cell and, when the agent can tell them, the state value
/// V(s) = max_a Q(s, a) and the greedy action of every cell (row-major; NaN and −1 where there is none), the
/// agent's recent cells in this episode (oldest first), and Taxi's passenger and destination.
/// </summary>
public sealed record GridFrame(GridLayout Layout, int AgentRow, int AgentColumn, double[]? CellValues, int[]? GreedyActions)
{
    /// <summary>The agent's cells over the last steps of the episode, oldest first (the current cell last).</summary>
    public IReadOnlyList<(int Row, int Column)> Trail { get; init; } = [];

    /// <summary>Taxi's passenger and destination; null for other grids.</summary>
    public TaxiRide? Taxi { get; init; }

    /// <summary>
    /// Which states the heat map shows when a cell stands for several states (Taxi), e.g. "passenger at Y,
    /// destination B"; null when a cell is one state.
    /// </summary>
    public string? ValueSlice { get; init; }

    /// <summary>
    /// Reads the grid and the agent's values. When there are more states than cells (Taxi: the taxi's cell times
    /// passenger and destination), a cell shows the state that shares the current state's remainder modulo
    /// states-per-cell, i.e. the values for the current passenger and destination. Only action values give a
    /// heat map: policy probabilities (<see cref="ActionValueKind.Probabilities"/>) give greedy arrows only.
    /// </summary>
    public static GridFrame Capture(GridLayout layout, IGridView view, int stateCount, IActionValues<int>? values)
    {
        int current = view.CurrentState;
        var (row, column) = view.CellOf(current);
        TaxiRide? taxi = null;
        if (view is TaxiEnv && stateCount == 500)
        {
            var (_, _, passenger, destination) = TaxiEnv.Decode(current);
            taxi = new TaxiRide(passenger, destination);
        }
        if (values is null || stateCount <= 0) return new GridFrame(layout, row, column, null, null) { Taxi = taxi };

        int cells = layout.Rows * layout.Columns;
        int perCell = stateCount > cells && stateCount % cells == 0 ? stateCount / cells : 1;
        var cellValues = new double[cells];
        var greedy = new int[cells];
        Array.Fill(cellValues, double.NaN);
        Array.Fill(greedy, -1);
        bool heat = values.Kind == ActionValueKind.ActionValues;
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
            if (heat) cellValues[r * layout.Columns + c] = q.Length > 0 ? q[best] : double.NaN;
            // Ties everywhere (an untrained table) have no greedy direction worth drawing.
            greedy[r * layout.Columns + c] = allEqual && q.Length > 1 ? -1 : best;
        }
        return new GridFrame(layout, row, column, heat ? cellValues : null, greedy)
        {
            Taxi = taxi,
            ValueSlice = taxi?.Describe() ?? (perCell > 1 ? $"states with the current remainder {current % perCell} of {perCell} per cell" : null),
        };
    }
}
