using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The panel beside a board-game match (<see cref="FrameSnapshot.Match"/>): the game ("Game 2 of 5"), each player with
/// a disc of its pieces this game and its wins, the draws, what is happening now in large type (whose turn, who is
/// thinking, the result) with a notice under it, the pace or "paused" of a replay, and the keys on the last lines.
/// </summary>
public sealed class MatchScene : IScene
{
    private const float Line = 30, TextSize = 18, Small = 14;

    /// <summary>The board with this panel at its right, as <c>rlgym play</c> and the game replays of <c>rlgym watch</c> show it.</summary>
    public static Layout Layout() => new(new BoardScene(), new MatchScene(), 0.6f);

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        canvas.FillRectangle(area, Palette.Panel);
        if (snapshot.Match is not { } match) return;
        var inner = area.Inset(16);
        float y = inner.Y;
        string title = match.Games is { } games ? $"Game {Math.Min(match.Game, games)} of {games}" : $"Game {match.Game}";
        canvas.Text(title, inner.X, y, 22, Palette.Ink);
        string state = view.Finished || snapshot.Finished ? "finished · Esc closes" : view.Paused ? "PAUSED (Space resumes)" : view.Speed.Replace("step", "move", StringComparison.Ordinal);
        if (state.Length > 0)
            canvas.Text(state, inner.Right - canvas.MeasureText(state, Small), y + 5, Small, view.Paused ? Palette.Agent : Palette.Muted);
        y += Line + 14;

        var names = snapshot.Board?.PlayerNames ?? ["X", "O"];
        for (int p = 0; p < match.Players.Count; p++)
        {
            int seat = match.Seats[p];
            canvas.FillCircle(inner.X + 12, y + 11, 12, BoardScene.PieceColors[seat]);
            string piece = names[seat];
            canvas.Text(piece, inner.X + 12 - canvas.MeasureText(piece, 13) / 2, y + 4, 13, Palette.Ink);
            string line = $"{match.Players[p]}{(seat == 0 ? " (moves first)" : "")}";
            float room = inner.Width - 36 - 70;
            canvas.Text(line, inner.X + 32, y, Math.Min(TextSize, Fit(canvas, line, room)), Palette.Ink);
            string wins = match.Wins[p] == 1 ? "1 win" : $"{match.Wins[p]} wins";
            canvas.Text(wins, inner.Right - canvas.MeasureText(wins, TextSize), y, TextSize, Palette.Ink);
            y += Line;
        }
        string draws = match.Draws == 1 ? "1 draw" : $"{match.Draws} draws";
        canvas.Text(draws, inner.Right - canvas.MeasureText(draws, TextSize), y, TextSize, Palette.Muted);
        y += Line + 20;

        // The status wraps onto a few lines rather than shrink: it is the line a player reads.
        foreach (var line in Wrap(canvas, match.Status, 22, inner.Width))
        {
            canvas.Text(line, inner.X, y, 22, Palette.Ink);
            y += 30;
        }

        // A notice (a refused move, a saved screenshot) sits under the status, where the eye already is.
        if (view.Notice is { } notice)
            foreach (var line in Wrap(canvas, notice, TextSize, inner.Width).Take(3))
            {
                canvas.Text(line, inner.X, y + 8, TextSize, Palette.Agent);
                y += 24;
            }

        float y0 = inner.Bottom - 18 * 2;
        foreach (var line in Wrap(canvas, match.Keys, Small, inner.Width).Take(2))
        {
            canvas.Text(line, inner.X, y0, Small, Palette.Muted);
            y0 += 18;
        }
    }

    private static float Fit(ICanvas canvas, string text, float width) =>
        Math.Max(10, TextSize * width / Math.Max(1, canvas.MeasureText(text, TextSize)));

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/> at <paramref name="size"/>.</summary>
    public static IEnumerable<string> Wrap(ICanvas canvas, string text, float size, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && canvas.MeasureText(longer, size) > width)
            {
                yield return line;
                line = word;
            }
            else line = longer;
        }
        if (line.Length > 0) yield return line;
    }
}
