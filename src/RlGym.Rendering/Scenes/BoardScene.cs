using System.Globalization;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// A two-player board game from above: the grid, each player's pieces as discs in its colour with its letter, and
/// over every move the mover's search statistics: the visit count, the value for the mover and a tint whose strength
/// is the move's share of the visits (the policy MCTS and AlphaZero play from). Tic-tac-toe's moves are cells, so the
/// numbers sit in the empty cells; Connect Four's are columns, so they sit in a row above the board. The chosen move
/// is outlined. When a person plays (<see cref="BoardFrame.KeyHints"/>) the free moves carry their keys instead, and
/// <see cref="ActionAt"/> finds the move under a mouse click.
/// </summary>
public sealed class BoardScene : IScene
{
    /// <summary>The pieces of player 0 and player 1.</summary>
    public static IReadOnlyList<Color> PieceColors { get; } = [new(220, 60, 50), new(235, 190, 30)];

    /// <summary>The tint of a move the search visits most.</summary>
    public static readonly Color VisitTint = new(40, 110, 220);

    /// <summary>
    /// The move under the point (<paramref name="x"/>, <paramref name="y"/>) when <paramref name="board"/> is drawn in
    /// <paramref name="area"/>: the cell (tic-tac-toe), or the column anywhere from its header to the bottom row
    /// (Connect Four); −1 off the board. Whether the move is legal is for the rules to say.
    /// </summary>
    public static int ActionAt(Rect area, BoardFrame board, float x, float y)
    {
        var (top, x0, y0, tile) = Geometry(area, board);
        int c = (int)MathF.Floor((x - x0) / tile);
        if (x < x0 || c < 0 || c >= board.Columns) return -1;
        if (board.ActionsAreColumns) return y >= top && y < y0 + board.Rows * tile ? c : -1;
        int r = (int)MathF.Floor((y - y0) / tile);
        return y >= y0 && r >= 0 && r < board.Rows ? r * board.Columns + c : -1;
    }

    // Where the board sits: the top of its header row (Connect Four's statistics), its top-left corner and a cell's side.
    private static (float Top, float X0, float Y0, float Tile) Geometry(Rect area, BoardFrame board)
    {
        int headerRows = board.ActionsAreColumns ? 1 : 0;
        var room = new Rect(area.X, area.Y, area.Width, Math.Max(1, area.Height - 40)).Inset(10);
        var fit = room.Fit(board.Columns / (float)(board.Rows + headerRows));
        float tile = fit.Width / board.Columns;
        return (fit.Y, fit.X, fit.Y + headerRows * tile, tile);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        if (snapshot.Board is not { } board) return;
        bool columns = board.ActionsAreColumns;
        var (top, x0, y0, tile) = Geometry(area, board);
        // V in the window hides the numbers, as it hides the values of the other scenes.
        int[]? visits = view.ShowValues ? board.Visits : null;
        int total = visits?.Sum() ?? 0;
        bool keys = board.KeyHints && visits is null && !board.IsOver;

        for (int r = 0; r < board.Rows; r++)
            for (int c = 0; c < board.Columns; c++)
            {
                var cell = new Rect(x0 + c * tile, y0 + r * tile, tile, tile);
                int piece = board.Cells[r * board.Columns + c];
                int action = r * board.Columns + c;
                bool overlay = !columns && piece < 0 && visits is not null;
                canvas.FillRectangle(cell, overlay ? Tint(visits![action], total) : Palette.Panel);
                canvas.StrokeRectangle(cell, 1, Palette.GridLine);
                if (piece >= 0)
                {
                    canvas.FillCircle(cell.CenterX, cell.CenterY, tile * 0.38f, PieceColors[piece]);
                    string name = board.PlayerNames[piece];
                    float size = tile * 0.36f;
                    canvas.Text(name, cell.CenterX - canvas.MeasureText(name, size) / 2, cell.CenterY - size / 2, size, Palette.Ink);
                }
                else if (overlay) Statistics(canvas, cell, board, action);
                else if (keys && !columns) KeyHint(canvas, cell, action);
                if (!columns && action == board.Chosen) canvas.StrokeRectangle(cell.Inset(2), Math.Max(2, tile * 0.06f), Palette.Ink);
            }

        if (columns && (visits is not null || keys))
            for (int c = 0; c < board.Columns; c++)
            {
                // A full column is not a move: it gets no numbers.
                if (board.Cells[c] >= 0) continue;
                var cell = new Rect(x0 + c * tile, top, tile, tile);
                if (visits is null)
                {
                    KeyHint(canvas, cell, c);
                    continue;
                }
                canvas.FillRectangle(cell, Tint(visits[c], total));
                Statistics(canvas, cell, board, c);
                if (c == board.Chosen) canvas.StrokeRectangle(cell.Inset(2), Math.Max(2, tile * 0.06f), Palette.Ink);
            }

        string mover = board.PlayerNames[board.ToMove];
        string caption = board.IsOver ? board.Caption
            : visits is null ? $"{mover} to move. {board.Caption}"
            : $"{mover} to move: visits n and value v per move, {total} simulations. {board.Caption}";
        // The caption shrinks to fit the width rather than run off the frame.
        float captionSize = Math.Min(14, 14 * (area.Width - 20) / Math.Max(1, canvas.MeasureText(caption, 14)));
        canvas.Text(caption, area.X + 10, area.Bottom - 30, captionSize, Palette.Muted);
    }

    // The key that plays a move: its number from 1, faint in the corner of a free cell or above a column.
    private static void KeyHint(ICanvas canvas, Rect cell, int action)
    {
        string key = (action + 1).ToString(CultureInfo.InvariantCulture);
        float size = Math.Max(12, cell.Width * 0.2f);
        canvas.Text(key, cell.CenterX - canvas.MeasureText(key, size) / 2, cell.CenterY - size / 2, size, KeyHintColor);
    }

    /// <summary>The colour of the key numbers on free moves.</summary>
    public static readonly Color KeyHintColor = new(150, 150, 160);

    private static Color Tint(int visits, int total) =>
        total > 0 ? Color.Lerp(Palette.Panel, VisitTint, 0.75 * visits / total) : Palette.Panel;

    private static void Statistics(ICanvas canvas, Rect cell, BoardFrame board, int action)
    {
        var inv = CultureInfo.InvariantCulture;
        int n = board.Visits![action];
        double v = board.Values?[action] ?? double.NaN;
        float size = Math.Max(8, cell.Width * 0.2f);
        string visits = n.ToString(inv);
        string value = double.IsNaN(v) ? "" : v.ToString("+0.00;-0.00", inv);
        canvas.Text(visits, cell.CenterX - canvas.MeasureText(visits, size) / 2, cell.CenterY - size * 1.1f, size, Palette.Ink);
        if (value.Length > 0) canvas.Text(value, cell.CenterX - canvas.MeasureText(value, size) / 2, cell.CenterY + size * 0.1f, size, Palette.Muted);
    }
}
