using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class BoardSceneTests
{
    private static RecordingCanvas Draw(BoardFrame board)
    {
        var canvas = new RecordingCanvas(600, 640);
        new BoardScene().Draw(canvas, new Rect(0, 0, 600, 640), new FrameSnapshot { Board = board }, ViewState.Default);
        return canvas;
    }

    [Fact]
    public void Tic_tac_toe_shows_each_pieces_disc_and_the_visits_and_values_of_the_empty_cells()
    {
        // X in the centre, O in the top-left corner; X to move searched 1,000 simulations.
        int[] cells = [1, -1, -1, -1, 0, -1, -1, -1, -1];
        int[] visits = [0, 100, 300, 100, 0, 100, 100, 100, 200];
        double[] values = [double.NaN, 0.1, 0.2, 0.1, double.NaN, 0.1, 0.1, 0.1, -0.5];
        var canvas = Draw(new BoardFrame(3, 3, 9, cells, 0, ["X", "O"], visits, values, 2, ""));

        var discs = canvas.CallsOf<FillCircleCall>().ToList();
        Assert.Equal(2, discs.Count);
        Assert.Equal(BoardScene.PieceColors[0], discs[1].Color); // the centre, drawn after the corner
        var texts = canvas.CallsOf<TextCall>().Select(t => t.Text).ToList();
        Assert.Contains("300", texts);
        Assert.Contains("+0.20", texts);
        Assert.Contains("-0.50", texts);
        Assert.DoesNotContain("0", texts); // occupied cells carry no statistics
        Assert.Contains(texts, t => t.Contains("1000 simulations", StringComparison.Ordinal));
        // The most visited move gets the strongest tint, and the chosen one is outlined.
        var tints = canvas.CallsOf<FillRectangleCall>().Select(f => f.Color).ToList();
        Assert.Contains(Color.Lerp(Palette.Panel, BoardScene.VisitTint, 0.75 * 300 / 1000), tints);
    }

    [Fact]
    public void Connect_four_shows_the_statistics_of_each_column_above_the_board()
    {
        var cells = Enumerable.Repeat(-1, 42).ToArray();
        cells[5 * 7 + 3] = 0; // X at the bottom of the middle column
        int[] visits = [10, 20, 30, 400, 30, 20, 10];
        var canvas = Draw(new BoardFrame(6, 7, 7, cells, 1, ["X", "O"], visits, new double[7], 3, ""));
        var texts = canvas.CallsOf<TextCall>().ToList();
        var count = texts.Single(t => t.Text == "400");
        var disc = canvas.CallsOf<FillCircleCall>().Single();
        Assert.True(count.Y < disc.CenterY - 5 * 60, "the column's numbers sit above the board");
        Assert.Equal(7, texts.Count(t => t.Text == "+0.00"));

        // A full column gets no numbers, and a long caption still fits the frame.
        for (int r = 0; r < 6; r++) cells[r * 7] = r % 2;
        canvas = Draw(new BoardFrame(6, 7, 7, cells, 1, ["X", "O"], [10, 20, 30, 400, 30, 20, 11], new double[7], 3, new string('x', 200)));
        Assert.DoesNotContain(canvas.CallsOf<TextCall>(), t => t.Text == "10");
        var caption = canvas.CallsOf<TextCall>().Last();
        Assert.True(caption.X + canvas.MeasureText(caption.Text, caption.Size) <= 600, "the caption runs off the frame");
    }

    [Fact]
    public void A_board_game_environments_frame_is_its_current_position()
    {
        var env = new TicTacToeEnv();
        env.Reset(0);
        env.Step(4);
        env.Step(0);
        var board = BoardFrame.Of(env)!;
        Assert.Equal(0, board.Cells[4]);
        Assert.Equal(1, board.Cells[0]);
        Assert.Equal(-1, board.Cells[8]);
        Assert.Equal(0, board.ToMove);
        Assert.Equal(["X", "O"], board.PlayerNames);
        Assert.IsType<BoardScene>(SceneCatalog.For(env));
        Assert.Equal(2, Draw(board).CallsOf<FillCircleCall>().Count());
    }
}
