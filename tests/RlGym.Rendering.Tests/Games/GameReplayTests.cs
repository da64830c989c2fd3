using RlGym.Envs.Games.TicTacToe;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Games;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Training.Games;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Rendering.Tests.Games;

public sealed class GameReplayTests
{
    private const int W = GameReplayViewOptions.Width, H = GameReplayViewOptions.Height;
    private static readonly Ttt s_ttt = default;

    /// <summary>The lowest-free-cell player with made-up search statistics against the highest-free-cell player.</summary>
    private static GameReplay<TicTacToeState, Ttt> Replay(int games) =>
        new(s_ttt, [new SearchingPlayer<TicTacToeState, Ttt>(s_ttt, lowest: true), new PlainPlayer<TicTacToeState, Ttt>(s_ttt, lowest: false)],
            ["lowest", "highest"], ["X", "O"], games);

    private static (List<FrameSnapshot> Frames, FrameSnapshot Last) Play(GameReplay<TicTacToeState, Ttt> replay)
    {
        var frames = new List<FrameSnapshot>();
        FrameSnapshot? last = null;
        replay.Run(frames.Add, f => last = f);
        return (frames, last!);
    }

    internal static SkiaCanvas Render(FrameSnapshot frame)
    {
        var canvas = new SkiaCanvas(W, H);
        MatchScene.Layout().Draw(canvas, frame, ViewState.Default);
        canvas.Flush();
        return canvas;
    }

    /// <summary>The board's area in the frame: where clicks are tested and cells are found.</summary>
    internal static Rect BoardArea => MatchScene.Layout().Split(new Rect(0, 0, W, H)).Environment;

    /// <summary>The centre of the cell (or column) of <paramref name="action"/>, found through hit testing so pixels and clicks agree.</summary>
    internal static (float X, float Y) Centre(BoardFrame board, int action)
    {
        var hits = new List<(float, float)>();
        for (float y = 0; y < H; y += 4)
            for (float x = 0; x < W; x += 4)
                if (BoardScene.ActionAt(BoardArea, board, x, y) == action) hits.Add((x, y));
        Assert.NotEmpty(hits);
        return (hits.Average(h => h.Item1), hits.Average(h => h.Item2));
    }

    [Fact]
    public void Each_move_is_shown_before_it_lands_and_each_game_ends_on_its_result()
    {
        // Game 1: lowest (X) takes 0, 1, 2 while highest (O) takes 8, 7: X wins the top row in five moves.
        // Game 2, sides swapped: highest (X) takes 8, 7, 6 while lowest (O) takes 0, 1: X wins the bottom row.
        var replay = Replay(2);
        var (frames, last) = Play(replay);
        Assert.Equal(2 * (5 + GameReplay<TicTacToeState, Ttt>.ResultHold), frames.Count);
        Assert.Equal([1, 1], replay.Wins);
        Assert.Equal(0, replay.Draws);

        var first = frames[0];
        Assert.Equal([90, 10, 10, 10, 10, 10, 10, 10, 10], first.Board!.Visits!);
        Assert.Equal(0, first.Board.Chosen);
        Assert.Equal("lowest plays X in cell 1.", first.Match!.Status);
        Assert.Null(frames[1].Board!.Visits); // highest does not search
        Assert.Equal(8, frames[1].Board!.Chosen);

        var end = frames[5];
        Assert.True(end.Board!.IsOver);
        Assert.Equal("Game 1: lowest (X) wins.", end.Match!.Status);
        Assert.Equal([1, 0], end.Match.Wins);
        Assert.Equal([1, 0], frames[8].Match!.Seats); // game 2: highest opens with X
        Assert.Equal("Game 2: highest (X) wins.", frames[^1].Match!.Status);
        Assert.True(last.Finished);
        Assert.Contains("After 2 games: lowest 1, highest 1, 0 draws.", last.Match!.Status);
    }

    [Fact]
    public void The_frames_show_the_search_tint_on_the_chosen_cell_and_the_pieces_in_their_colours()
    {
        var (frames, _) = Play(Replay(1));
        var first = frames[0].Board!;
        using (var canvas = Render(frames[0]))
        {
            // The chosen cell holds 90 of the 170 visits: the strongest tint, away from its numbers and its outline.
            var tint = Color.Lerp(Palette.Panel, BoardScene.VisitTint, 0.75 * 90 / 170);
            var (cx, cy) = Centre(first, 0);
            var (ox, oy) = Centre(first, 4);
            float tile = ox - cx; // cell 4 is one row and one column further
            Assert.True(Pixels.Near(canvas.PixelAt((int)(cx - tile * 0.3f), (int)(cy + tile * 0.35f)), tint, 6));
            var weak = Color.Lerp(Palette.Panel, BoardScene.VisitTint, 0.75 * 10 / 170);
            Assert.True(Pixels.Near(canvas.PixelAt((int)(ox - tile * 0.3f), (int)(oy + tile * 0.35f)), weak, 6));
            // The panel names who opens: a red disc on the first player's line.
            Assert.NotEmpty(Pixels.Find(canvas, BoardScene.PieceColors[0], 20, new Rect(W * 0.6f, 50, 40, 40)));
        }

        var end = frames[5].Board!;
        using (var canvas = Render(frames[5]))
        {
            foreach (var (action, piece) in new[] { (0, 0), (1, 0), (2, 0), (8, 1), (7, 1) })
            {
                var (x, y) = Centre(end, action);
                var (x4, _) = Centre(end, 4);
                float tile = Math.Abs(x4 - Centre(end, 3).X);
                // Below the piece's letter, inside its disc.
                Assert.True(Pixels.Near(canvas.PixelAt((int)x, (int)(y + tile * 0.3f)), BoardScene.PieceColors[piece], 20),
                    $"cell {action + 1}: {canvas.PixelAt((int)x, (int)(y + tile * 0.3f))}");
            }
            var (ex, ey) = Centre(end, 4);
            Assert.True(Pixels.Near(canvas.PixelAt((int)ex, (int)ey), Palette.Panel, 6), "the centre stays empty");
        }
    }

    [Fact]
    public void A_replay_plays_the_games_the_arena_plays()
    {
        var replay = Replay(4);
        Play(replay);
        var arena = Arena.Play(s_ttt, new SearchingPlayer<TicTacToeState, Ttt>(s_ttt, true), new PlainPlayer<TicTacToeState, Ttt>(s_ttt, false), 4, swap: true);
        Assert.Equal(arena.Wins, replay.Wins);
        Assert.Equal(arena.Draws, replay.Draws);
    }

    [Fact]
    public void A_cancelled_replay_stops_at_the_next_move()
    {
        using var stop = new CancellationTokenSource();
        int shown = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => Replay(3).Run(_ => { if (++shown == 3) stop.Cancel(); }, _ => { }, stop.Token));
        Assert.Equal(3, shown);
    }

    [Fact]
    public void Recorded_without_a_window_every_frame_is_a_png()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            var replay = Replay(1);
            bool ended = GameReplayView.Run(replay.Run, new GameReplayViewOptions(ShowWindow: false, RecordPath: dir));
            Assert.True(ended);
            Assert.Equal(5 + GameReplay<TicTacToeState, Ttt>.ResultHold + 1, Directory.GetFiles(dir, "*.png").Length);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
