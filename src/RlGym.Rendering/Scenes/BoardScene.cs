using System.Globalization;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// A two-player board game from above: the grid, each player's pieces as discs in its colour with its letter, and
/// over every move the mover's search statistics: the visit count, the value for the mover and a tint whose strength
/// is the move's share of the visits (the policy MCTS and AlphaZero play from). Tic-tac-toe's moves are cells, so the
/// numbers sit in the empty cells; Connect Four's are columns, so they sit in a row above the board. The chosen move
/// is outlined.
/// </summary>
public sealed class BoardScene : IScene
{
    /// <summary>The pieces of player 0 and player 1.</summary>
    public static IReadOnlyList<Color> PieceColors { get; } = [new(220, 60, 50), new(235, 190, 30)];

    /// <summary>The tint of a move the search visits most.</summary>
    public static readonly Color VisitTint = new(40, 110, 220);

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        if (snapshot.Board is not { } board) return;
        bool columns = board.ActionsAreColumns;
        int headerRows = columns ? 1 : 0;
        var room = new Rect(area.X, area.Y, area.Width, Math.Max(1, area.Height - 40)).Inset(10);
        var fit = room.Fit(board.Columns / (float)(board.Rows + headerRows));
        float tile = fit.Width / board.Columns;
        float x0 = fit.X, y0 = fit.Y + headerRows * tile;
        int total = board.Visits?.Sum() ?? 0;

        for (int r = 0; r < board.Rows; r++)
            for (int c = 0; c < board.Columns; c++)
            {
                var cell = new Rect(x0 + c * tile, y0 + r * tile, tile, tile);
                int piece = board.Cells[r * board.Columns + c];
                int action = r * board.Columns + c;
                bool overlay = !columns && piece < 0 && board.Visits is not null;
                canvas.FillRectangle(cell, overlay ? Tint(board.Visits![action], total) : Palette.Panel);
                canvas.StrokeRectangle(cell, 1, Palette.GridLine);
                if (piece >= 0)
                {
                    canvas.FillCircle(cell.CenterX, cell.CenterY, tile * 0.38f, PieceColors[piece]);
                    string name = board.PlayerNames[piece];
                    float size = tile * 0.36f;
                    canvas.Text(name, cell.CenterX - canvas.MeasureText(name, size) / 2, cell.CenterY - size / 2, size, Palette.Ink);
                }
                else if (overlay) Statistics(canvas, cell, board, action);
                if (!columns && action == board.Chosen) canvas.StrokeRectangle(cell.Inset(2), Math.Max(2, tile * 0.06f), Palette.Ink);
            }

        if (columns && board.Visits is not null)
            for (int c = 0; c < board.Columns; c++)
            {
                // A full column is not a move: it gets no numbers.
                if (board.Cells[c] >= 0) continue;
                var cell = new Rect(x0 + c * tile, fit.Y, tile, tile);
                canvas.FillRectangle(cell, Tint(board.Visits[c], total));
                Statistics(canvas, cell, board, c);
                if (c == board.Chosen) canvas.StrokeRectangle(cell.Inset(2), Math.Max(2, tile * 0.06f), Palette.Ink);
            }

        string mover = board.PlayerNames[board.ToMove];
        string caption = board.Visits is null ? $"{mover} to move. {board.Caption}" : $"{mover} to move: visits n and value v per move, {total} simulations. {board.Caption}";
        // The caption shrinks to fit the width rather than run off the frame.
        float captionSize = Math.Min(14, 14 * (area.Width - 20) / Math.Max(1, canvas.MeasureText(caption, 14)));
        canvas.Text(caption, area.X + 10, area.Bottom - 30, captionSize, Palette.Muted);
    }

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
