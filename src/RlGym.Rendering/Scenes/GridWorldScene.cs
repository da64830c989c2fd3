using System.Globalization;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Taxi;
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
/// A grid-world seen from above, centred and scaled to its area: one square tile per cell coloured by its kind
/// (floor, wall, hazard, start, goal) with the map's letter, the agent's path over its last steps as a fading trail,
/// the agent as a disc, and, when values are shown, floor tiles coloured by V(s) = max_a Q(s, a) on a heat map with a
/// colour bar saying what the colours mean, and an arrow towards the greedy action. Taxi is drawn as Gymnasium draws
/// it: walls between cells, the four depots in their colours and letters, the passenger at its depot or in the cab,
/// the destination outlined, and the caption names which passenger and destination the heat map's values are for.
/// </summary>
public sealed class GridWorldScene(GridWorldSceneOptions? options = null) : IScene
{
    private readonly GridWorldSceneOptions _options = options ?? GridWorldSceneOptions.Default;

    /// <summary>Height kept under the board for the colour bar and the caption.</summary>
    public const float LegendHeight = 64;

    /// <summary>The depots' colours (R, G, Y, B), as Gymnasium's Taxi paints them.</summary>
    public static IReadOnlyList<Color> DepotColors { get; } =
        [new(220, 50, 50), new(40, 170, 70), new(225, 190, 20), new(50, 100, 220)];

    /// <summary>The passenger.</summary>
    public static readonly Color PassengerColor = new(170, 50, 190);

    /// <summary>The taxi cab.</summary>
    public static readonly Color CabColor = new(250, 200, 30);

    /// <summary>Where the tiles of a grid go inside <paramref name="area"/>: origin and tile size.</summary>
    public static (float X, float Y, float Tile) TileGeometry(Rect area, int rows, int columns)
    {
        var room = new Rect(area.X, area.Y, area.Width, Math.Max(1, area.Height - LegendHeight)).Inset(10);
        var board = room.Fit(columns / (float)rows);
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
        var taxi = grid.Taxi;

        for (int r = 0; r < layout.Rows; r++)
            for (int c = 0; c < layout.Columns; c++)
            {
                var kind = layout.KindAt(r, c);
                var cell = new Rect(x0 + c * tile, y0 + r * tile, tile, tile);
                double v = values ? grid.CellValues![r * layout.Columns + c] : double.NaN;
                bool heat = values && !double.IsNaN(v) && kind is CellKind.Floor or CellKind.Start;
                int depot = taxi is null ? -1 : TaxiRide.Letters.IndexOf(layout.CharAt(r, c));
                var fill = depot >= 0 ? Color.Lerp(Palette.Panel, DepotColors[depot], heat ? 0.0 : 0.45)
                    : heat ? _options.Scale.Map(v, low, high) : KindColor(kind);
                if (depot >= 0 && heat) fill = _options.Scale.Map(v, low, high);
                canvas.FillRectangle(cell, fill);
                canvas.StrokeRectangle(cell, 1, Palette.GridLine);
                if (depot >= 0)
                {
                    // A depot keeps its colour as a thick frame when the heat map fills the tile.
                    if (heat) canvas.StrokeRectangle(cell.Inset(2), Math.Max(3, tile * 0.07f), DepotColors[depot]);
                    // Inside the destination's frame (the tile's outer 7%), so the frame never crosses the letter.
                    canvas.Text(TaxiRide.Letters[depot].ToString(), cell.X + tile * 0.11f, cell.Y + tile * 0.08f, tile * 0.26f, heat ? Palette.Arrow : Palette.Ink);
                }
                else if (kind is CellKind.Start or CellKind.Goal or CellKind.Hazard)
                {
                    // The map's own letter (S, G, H, C, ...), so the picture reads like the text map.
                    var ink = heat ? Palette.Arrow : kind == CellKind.Hazard ? Palette.Floor : Palette.Ink;
                    canvas.Text(layout.CharAt(r, c).ToString(), cell.X + tile * 0.08f, cell.Y + tile * 0.04f, tile * 0.3f, ink);
                }
                if (values || grid.CellValues is null)
                    if (view.ShowValues && grid.GreedyActions is { } greedy && greedy[r * layout.Columns + c] is var a and >= 0
                        && kind is not (CellKind.Wall or CellKind.Hazard) && (kind != CellKind.Goal || taxi is not null))
                        DrawArrow(canvas, cell, _options.Actions.MoveOf(a), heat ? Palette.Arrow : Palette.Ink);
            }

        if (taxi is { } ride) DrawTaxiWalls(canvas, x0, y0, tile, layout.Rows, layout.Columns);
        DrawTrail(canvas, grid.Trail, x0, y0, tile);

        var agent = new Rect(x0 + grid.AgentColumn * tile, y0 + grid.AgentRow * tile, tile, tile);
        if (taxi is { } t) DrawTaxi(canvas, t, agent, x0, y0, tile);
        else
        {
            canvas.FillCircle(agent.CenterX, agent.CenterY, tile * 0.28f, Palette.Agent);
            canvas.StrokeCircle(agent.CenterX, agent.CenterY, tile * 0.28f, 2, Palette.Ink);
        }

        DrawLegend(canvas, area, x0, tile * layout.Columns, y0 + tile * layout.Rows, values && low <= high ? (low, high) : null, grid, view);
    }

    private void DrawLegend(ICanvas canvas, Rect area, float boardX, float boardWidth, float boardBottom, (double Low, double High)? range,
        GridFrame grid, ViewState view)
    {
        float y = boardBottom + 10;
        float x = Math.Max(area.X + 8, boardX);
        var inv = CultureInfo.InvariantCulture;
        if (range is { } flat && flat.Low == flat.High)
        {
            // One value everywhere (nothing learned yet, or a terminal slice): a colour bar from 0 to 0 says nothing.
            string caption = $"V(s) = {flat.Low.ToString("0.###", inv)} in every state" + (grid.ValueSlice is { } slice ? $"; values for {slice}" : "");
            canvas.Text(caption, x, y, 14, Palette.Muted);
        }
        else if (range is { } r)
        {
            const float BarHeight = 12;
            float barWidth = Math.Min(220, Math.Max(80, boardWidth * 0.45f));
            canvas.Text("V(s)", x, y - 2, 14, Palette.Ink);
            float bx = x + canvas.MeasureText("V(s)", 14) + 8;
            canvas.Text(r.Low.ToString("0.###", inv), bx, y - 2, 14, Palette.Muted);
            bx += canvas.MeasureText(r.Low.ToString("0.###", inv), 14) + 6;
            const int Steps = 40;
            for (int i = 0; i < Steps; i++)
                canvas.FillRectangle(new Rect(bx + i * barWidth / Steps, y, barWidth / Steps + 0.5f, BarHeight), _options.Scale.At(i / (double)(Steps - 1)));
            canvas.StrokeRectangle(new Rect(bx, y, barWidth, BarHeight), 1, Palette.GridLine);
            canvas.Text(r.High.ToString("0.###", inv), bx + barWidth + 6, y - 2, 14, Palette.Muted);
            y += 22;
            string caption = "colour: V(s) = max over a of Q(s,a); arrow: greedy action";
            if (grid.ValueSlice is { } slice) caption = $"values for {slice}";
            canvas.Text(caption, x, y, 13, Palette.Muted);
        }
        else if (grid.Taxi is { } ride)
            canvas.Text(ride.Describe(), x, y, 14, Palette.Muted);
        else if (grid.GreedyActions is not null && view.ShowValues)
            canvas.Text("arrow: the most probable action", x, y, 13, Palette.Muted);
    }

    private static void DrawTrail(ICanvas canvas, IReadOnlyList<(int Row, int Column)> trail, float x0, float y0, float tile)
    {
        for (int i = 1; i < trail.Count; i++)
        {
            var (r0, c0) = trail[i - 1];
            var (r1, c1) = trail[i];
            float fade = i / (float)trail.Count;
            var color = Color.Lerp(Palette.Panel, Palette.Agent, 0.25 + 0.6 * fade);
            canvas.Line(x0 + (c0 + 0.5f) * tile, y0 + (r0 + 0.5f) * tile, x0 + (c1 + 0.5f) * tile, y0 + (r1 + 0.5f) * tile, Math.Max(2, tile * 0.06f), color);
            canvas.FillCircle(x0 + (c0 + 0.5f) * tile, y0 + (r0 + 0.5f) * tile, Math.Max(2, tile * 0.06f), color);
        }
    }

    private static void DrawTaxiWalls(ICanvas canvas, float x0, float y0, float tile, int rows, int columns)
    {
        float thick = Math.Max(3, tile * 0.08f);
        canvas.StrokeRectangle(new Rect(x0 - thick / 2, y0 - thick / 2, tile * columns + thick, tile * rows + thick), thick, Palette.Wall);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns - 1; c++)
                if (TaxiEnv.WallEastOf(r, c))
                {
                    float x = x0 + (c + 1) * tile;
                    canvas.Line(x, y0 + r * tile, x, y0 + (r + 1) * tile, thick, Palette.Wall);
                }
    }

    private static void DrawTaxi(ICanvas canvas, TaxiRide ride, Rect cab, float x0, float y0, float tile)
    {
        // The destination: a thick dark frame along the tile's edge, and a flag in its depot's colour.
        var (dr, dc) = TaxiEnv.Locations[ride.Destination];
        var destination = new Rect(x0 + dc * tile, y0 + dr * tile, tile, tile);
        canvas.StrokeRectangle(destination, DestinationFrame(tile), Palette.Ink);
        float fx = destination.Right - tile * 0.22f, fy = destination.Y + tile * 0.1f;
        canvas.Line(fx, fy, fx, fy + tile * 0.3f, 2, Palette.Ink);
        canvas.FillTriangle(fx, fy, fx + tile * 0.16f, fy + tile * 0.07f, fx, fy + tile * 0.14f, DepotColors[ride.Destination]);

        // The cab, and the passenger in it or waiting at a depot.
        var body = new Rect(cab.X + tile * 0.16f, cab.Y + tile * 0.3f, tile * 0.68f, tile * 0.4f);
        canvas.FillRectangle(body, CabColor);
        canvas.StrokeRectangle(body, 2, Palette.Ink);
        canvas.FillCircle(body.X + body.Width * 0.22f, body.Bottom, tile * 0.07f, Palette.Ink);
        canvas.FillCircle(body.Right - body.Width * 0.22f, body.Bottom, tile * 0.07f, Palette.Ink);
        if (ride.Passenger == TaxiEnv.InTaxi) DrawPassenger(canvas, body.CenterX, body.CenterY, tile * 0.5f);
        else
        {
            var (pr, pc) = TaxiEnv.Locations[ride.Passenger];
            DrawPassenger(canvas, x0 + (pc + 0.3f) * tile, y0 + (pr + 0.62f) * tile, tile);
        }
    }

    /// <summary>The thickness of the frame around Taxi's destination tile, drawn inside the tile's edge.</summary>
    public static float DestinationFrame(float tile) => Math.Max(3, tile * 0.07f);

    private static void DrawPassenger(ICanvas canvas, float cx, float cy, float tile)
    {
        canvas.FillCircle(cx, cy - tile * 0.12f, tile * 0.08f, PassengerColor);
        canvas.FillTriangle(cx - tile * 0.11f, cy + tile * 0.16f, cx + tile * 0.11f, cy + tile * 0.16f, cx, cy - tile * 0.05f, PassengerColor);
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
    private static void DrawArrow(ICanvas canvas, Rect cell, (int DRow, int DColumn) move, Color color)
    {
        if (move == (0, 0)) return;
        float dx = move.DColumn, dy = move.DRow, len = cell.Width;
        float cx = cell.CenterX, cy = cell.CenterY;
        float tipX = cx + dx * len * 0.4f, tipY = cy + dy * len * 0.4f;
        float baseX = cx + dx * len * 0.22f, baseY = cy + dy * len * 0.22f;
        canvas.Line(cx + dx * len * 0.05f, cy + dy * len * 0.05f, baseX, baseY, Math.Max(2, len * 0.07f), color);
        float half = len * 0.13f;
        canvas.FillTriangle(tipX, tipY, baseX - dy * half, baseY + dx * half, baseX + dy * half, baseY - dx * half, color);
    }
}
