using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Games;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;
using RlGym.Training.Games;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Rendering.Tests.Games;

public sealed class HumanPlayTests
{
    private static readonly Ttt s_ttt = default;

    private static HumanPlay<TicTacToeState, Ttt> Play(bool humanFirst, SemaphoreSlim? gate = null) =>
        new(new HumanMatch<TicTacToeState, Ttt>(s_ttt, new SearchingPlayer<TicTacToeState, Ttt>(s_ttt, lowest: true) { Gate = gate }, humanFirst),
            "lowest", ["X", "O"]);

    /// <summary>Updates at <paramref name="now"/> until <paramref name="done"/> holds: the opponent searches on a worker thread.</summary>
    private static void Until(IHumanPlay play, double now, Func<bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed.TotalSeconds < 10, "the opponent never answered");
            Thread.Sleep(2);
            play.Update(now);
        }
    }

    /// <summary>A person's click in the middle of the cell of <paramref name="action"/>, as the window turns it into a move.</summary>
    private static void Click(IHumanPlay play, int action, double now)
    {
        var (x, y) = GameReplayTests.Centre(play.Frame.Board!, action);
        int hit = BoardScene.ActionAt(GameReplayTests.BoardArea, play.Frame.Board!, x, y);
        Assert.Equal(action, hit);
        play.Move(hit, now);
    }

    [Fact]
    public void A_click_places_the_piece_and_the_opponents_search_shows_before_its_piece_lands()
    {
        var play = Play(humanFirst: true);
        Assert.True(play.Frame.Board!.KeyHints);
        Assert.Equal("Your move (X): click a cell or press 1-9.", play.Frame.Match!.Status);
        Click(play, 4, 0);
        Until(play, 0, () => play.Frame.Board!.Visits is not null);

        var reply = play.Frame;
        Assert.Equal(0, reply.Board!.Chosen);
        Assert.Equal("lowest plays O in cell 1.", reply.Match!.Status);
        using (var canvas = GameReplayTests.Render(reply))
        {
            // The human's X in the centre, and the opponent's most visited cell (90 of 170) tinted.
            var (x, y) = GameReplayTests.Centre(reply.Board, 4);
            var (cx, cy) = GameReplayTests.Centre(reply.Board, 0);
            float tile = x - cx;
            Assert.True(Pixels.Near(canvas.PixelAt((int)x, (int)(y + tile * 0.3f)), BoardScene.PieceColors[0], 20));
            Assert.True(Pixels.Near(canvas.PixelAt((int)(cx - tile * 0.3f), (int)(cy + tile * 0.35f)),
                Color.Lerp(Palette.Panel, BoardScene.VisitTint, 0.75 * 90 / 170), 6));
        }

        play.Update(play is HumanPlay<TicTacToeState, Ttt> h ? h.ReplySeconds - 0.01 : 0);
        Assert.NotNull(play.Frame.Board!.Visits); // still on show
        play.Update(1.3);
        var landed = play.Frame;
        Assert.Null(landed.Board!.Visits);
        Assert.Equal(1, landed.Board.Cells[0]);
        Assert.True(landed.Board.KeyHints);
        using (var canvas = GameReplayTests.Render(landed))
        {
            var (cx, cy) = GameReplayTests.Centre(landed.Board, 0);
            var (x, _) = GameReplayTests.Centre(landed.Board, 4);
            Assert.True(Pixels.Near(canvas.PixelAt((int)cx, (int)(cy + (x - cx) * 0.3f)), BoardScene.PieceColors[1], 20));
        }
    }

    [Fact]
    public void A_refused_move_leaves_a_notice_for_a_moment_and_changes_nothing()
    {
        var play = Play(humanFirst: true);
        Click(play, 4, 0);
        Until(play, 0, () => play.Frame.Board!.Visits is not null);
        play.Update(2); // the reply lands in cell 1
        Click(play, 0, 2);
        Assert.Equal("Cell 1 is taken: choose a free one.", play.Notice(2.1));
        Assert.Null(play.Notice(2 + HumanPlay<TicTacToeState, Ttt>.NoticeSeconds + 0.01));
        Assert.Equal(2, play.Frame.Board!.Cells.Count(c => c >= 0));
        play.Move(9, 3); // the key 0 is no move; a digit past the board would be refused the same way
        Assert.Equal("There is no move 10: use 1 to 9.", play.Notice(3));
    }

    [Fact]
    public void A_game_ends_on_its_result_and_N_starts_the_next_with_sides_swapped()
    {
        // X: 5, 3, 7 (cells 4, 2, 6) while the opponent takes the lowest free cells 1 and 2: X wins the diagonal.
        var play = Play(humanFirst: true);
        double now = 0;
        foreach (int cell in new[] { 4, 2, 6 })
        {
            // From the second move on the click comes while the reply is on show: the reply lands first, then the
            // click is the person's move.
            Click(play, cell, now);
            now += 0.1;
            if (cell != 6) Until(play, now, () => play.Frame.Board!.Visits is not null);
        }
        Assert.True(play.Frame.Board!.IsOver);
        Assert.Equal("You win! N: new game, sides swapped.", play.Frame.Match!.Status);
        Assert.Equal((1, 0, 0), play.Score);
        Click(play, 8, now);
        Assert.Equal("The game is over: N starts a new one.", play.Notice(now));

        play.NewGame(now);
        Assert.Equal(2, play.Frame.Match!.Game);
        Assert.Equal([1, 0], play.Frame.Match.Seats); // the opponent opens now
        Until(play, now, () => play.Frame.Board!.Visits is not null);
        Assert.Equal("lowest plays X in cell 1.", play.Frame.Match.Status);
    }

    [Fact]
    public void A_new_game_asked_for_while_the_opponent_searches_waits_for_its_answer()
    {
        using var gate = new SemaphoreSlim(0);
        var play = Play(humanFirst: false, gate);
        play.Update(0);
        Assert.True(play.OpponentBusy);
        Assert.Equal("lowest is thinking…", play.Frame.Match!.Status);
        play.Move(4, 0);
        Assert.Equal("Wait: lowest is thinking.", play.Notice(0));
        play.NewGame(0);
        Assert.Equal(1, play.Frame.Match.Game); // not yet: the opponent is still being asked
        gate.Release();
        Until(play, 0, () => play.Frame.Match!.Game == 2);
        Assert.True(play.Frame.Board!.KeyHints); // the person opens the second game
        Assert.All(play.Frame.Board.Cells, c => Assert.Equal(-1, c));
        Assert.Equal((0, 0, 0), play.Score); // the abandoned game is not counted
    }

    [Fact]
    public void Clicks_land_on_the_cell_or_column_under_them_and_keys_1_to_9_play_moves_in_reading_order()
    {
        var area = new Rect(0, 0, 600, 600);
        var ttt = BoardFrame.Of(s_ttt, s_ttt.Initial, ["X", "O"]);
        Assert.Equal(-1, BoardScene.ActionAt(area, ttt, 2, 2));
        Assert.Equal(-1, BoardScene.ActionAt(area, ttt, 590, 300));
        var c4rules = default(ConnectFourRules);
        var c4 = BoardFrame.Of(c4rules, c4rules.Initial, ["X", "O"]);
        var (hx, hy) = GameReplayTests.Centre(c4, 3);
        Assert.Equal(3, BoardScene.ActionAt(GameReplayTests.BoardArea, c4, hx, 30)); // the header row above the board
        Assert.Equal(3, BoardScene.ActionAt(GameReplayTests.BoardArea, c4, hx, hy + 200)); // the bottom rows

        Assert.Equal(0, PlayInput.ActionOfKey(RaylibKey.One, 9));
        Assert.Equal(8, PlayInput.ActionOfKey(RaylibKey.Nine, 9));
        Assert.Equal(4, PlayInput.ActionOfKey(RaylibKey.Keypad1 + 4, 9));
        Assert.Equal(-2, PlayInput.ActionOfKey(RaylibKey.One + 7, 7)); // 8 on Connect Four: refused with a notice
        Assert.Equal(-1, PlayInput.ActionOfKey(RaylibKey.Space, 9));
    }
}
