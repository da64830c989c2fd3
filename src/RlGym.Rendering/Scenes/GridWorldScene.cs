using RlGym.Core.Tabular;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>How a <see cref="GridWorldScene"/> draws.</summary>
/// <param name="Actions">Which way each action index points, for the greedy arrows.</param>
/// <param name="Scale">Colours of the value heat map, low to high.</param>
public sealed record GridWorldSceneOptions(GridActionLayout Actions, ColorScale Scale)
{
    /// <summary>Up-right-down-left arrows on viridis.</summary>
    public static GridWorldSceneOptions Default { get; } = new(GridActionLayout.UpRightDownLeft, ColorScale.Viridis);
}

/// <summary>
/// A grid-world seen from above: one square tile per cell coloured by its kind (floor, wall, hazard, start, goal),
/// the agent as a disc on its tile, and, when values are shown, floor tiles coloured by V(s) = max_a Q(s, a) on a
/// heat map scaled to the values on screen, with an arrow towards the greedy action.
/// </summary>
public sealed class GridWorldScene(GridWorldSceneOptions? options = null) : IScene
{
    private readonly GridWorldSceneOptions _options = options ?? GridWorldSceneOptions.Default;

    /// <summary>Where the tiles of a grid go inside <paramref name="area"/>: origin and tile size.</summary>
    public static (float X, float Y, float Tile) TileGeometry(Rect area, int rows, int columns)
    {
        var board = area.Inset(8).Fit(columns / (float)rows);
        return (board.X, board.Y, board.Width / columns);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        if (snapshot.Grid is not { } grid) return;
        var layout = grid.Layout;
        var (x0, y0, tile) = TileGeometry(area, layout.Rows, layout.Columns);
        bool values = view.ShowValues && grid.CellValues is not null;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        if (values)
            foreach (var v in grid.CellValues!)
                if (!double.IsNaN(v)) { low = Math.Min(low, v); high = Math.Max(high, v); }

        for (int r = 0; r < layout.Rows; r++)
            for (int c = 0; c < layout.Columns; c++)
            {
                var kind = layout.KindAt(r, c);
                var cell = new Rect(x0 + c * tile, y0 + r * tile, tile, tile);
                double v = values ? grid.CellValues![r * layout.Columns + c] : double.NaN;
                bool heat = values && !double.IsNaN(v) && kind is CellKind.Floor or CellKind.Start;
                canvas.FillRectangle(cell, heat ? _options.Scale.Map(v, low, high) : KindColor(kind));
                canvas.StrokeRectangle(cell, 1, Palette.GridLine);
                if (kind is CellKind.Start or CellKind.Goal or CellKind.Hazard)
                {
                    // The map's own letter (S, G, H, C, ...), so the picture reads like the text map.
                    var label = layout.CharAt(r, c).ToString();
                    var ink = heat ? Palette.Arrow : kind == CellKind.Hazard ? Palette.Muted : Palette.Ink;
                    canvas.Text(label, cell.X + tile * 0.08f, cell.Y + tile * 0.06f, tile * 0.3f, ink);
                }
                if (values && grid.GreedyActions is { } greedy && greedy[r * layout.Columns + c] is var a and >= 0
                    && kind is not (CellKind.Wall or CellKind.Hazard or CellKind.Goal))
                    DrawArrow(canvas, cell, _options.Actions.MoveOf(a));
            }

        var agent = new Rect(x0 + grid.AgentColumn * tile, y0 + grid.AgentRow * tile, tile, tile);
        canvas.FillCircle(agent.CenterX, agent.CenterY, tile * 0.3f, Palette.Agent);
        canvas.StrokeCircle(agent.CenterX, agent.CenterY, tile * 0.3f, 2, Palette.Ink);

        if (values && low <= high)
            canvas.Text($"V(s) from {low:0.###} to {high:0.###}", area.X + 8, area.Bottom - 20, 14, Palette.Muted);
    }

    private static Color KindColor(CellKind kind) => kind switch
    {
        CellKind.Wall => Palette.Wall,
        CellKind.Hazard => Palette.Hazard,
        CellKind.Start => Palette.Start,
        CellKind.Goal => Palette.Goal,
        _ => Palette.Floor,
    };

    // The shaft starts at the centre so the arrow lies on the greedy side of the tile only.
    private static void DrawArrow(ICanvas canvas, Rect cell, (int DRow, int DColumn) move)
    {
        if (move == (0, 0)) return;
        float dx = move.DColumn, dy = move.DRow, len = cell.Width;
        float cx = cell.CenterX, cy = cell.CenterY;
        float tipX = cx + dx * len * 0.4f, tipY = cy + dy * len * 0.4f;
        float baseX = cx + dx * len * 0.22f, baseY = cy + dy * len * 0.22f;
        canvas.Line(cx + dx * len * 0.05f, cy + dy * len * 0.05f, baseX, baseY, Math.Max(2, len * 0.07f), Palette.Arrow);
        float half = len * 0.13f;
        canvas.FillTriangle(tipX, tipY, baseX - dy * half, baseY + dx * half, baseX + dy * half, baseY - dx * half, Palette.Arrow);
    }
}
