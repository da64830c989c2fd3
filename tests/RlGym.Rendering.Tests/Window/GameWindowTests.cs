using RlGym.Envs.Games.TicTacToe;
using RlGym.Rendering.Games;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Tests.Games;
using RlGym.Training.Games;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Rendering.Tests.Window;

/// <summary>The play window and the game replay in a hidden raylib window, with a scripted person.</summary>
[Collection(nameof(RaylibWindowTests))]
public sealed class GameWindowTests
{
    private static readonly Ttt s_ttt = default;

    /// <summary>Clicks the next cell of its script each time it is the person's turn; then N; then closes the window.</summary>
    private sealed class ScriptedPerson(IHumanPlay play, CancellationTokenSource close, params int[] cells) : IPlayInput
    {
        private int _next;
        private bool _newGame;

        public void Poll(List<PlayInput> into)
        {
            var frame = play.Frame;
            if (_newGame)
            {
                if (frame.Match!.Game == 2 && frame.Board!.Visits is not null) close.Cancel();
                return;
            }
            if (frame.Board!.IsOver)
            {
                into.Add(PlayInput.Press(RaylibKey.N));
                _newGame = true;
            }
            else if (frame.Board.KeyHints && _next < cells.Length)
            {
                var (x, y) = GameReplayTests.Centre(frame.Board, cells[_next++]);
                into.Add(PlayInput.ClickAt(x, y));
            }
        }
    }

    [RaylibFact]
    public void A_person_clicking_in_the_window_wins_and_starts_a_new_game()
    {
        var play = new HumanPlay<TicTacToeState, Ttt>(
            new HumanMatch<TicTacToeState, Ttt>(s_ttt, new SearchingPlayer<TicTacToeState, Ttt>(s_ttt, lowest: true), humanMovesFirst: true),
            "lowest", ["X", "O"], replySeconds: 0.2);
        using var close = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var window = new PlayWindow(play, new RaylibWindowOptions(GameReplayViewOptions.Width, GameReplayViewOptions.Height, Hidden: true),
            new ScriptedPerson(play, close, 4, 2, 6));
        window.Run(close.Token, keepLastFrame: true);
        Assert.Equal((1, 0, 0), play.Score);
        // The last frame: the second game, the opponent's opening search on show, with the panel's two discs.
        var pixels = window.LastFrame!;
        int Count(Drawing.Color c)
        {
            int n = 0;
            for (int i = 0; i < pixels.Length; i += 4)
                if (new Drawing.Color(pixels[i], pixels[i + 1], pixels[i + 2]).DistanceTo(c) <= 20) n++;
            return n;
        }
        Assert.True(Count(BoardScene.PieceColors[0]) > 100 && Count(BoardScene.PieceColors[1]) > 100);
        Assert.True(Count(Drawing.Color.Lerp(Drawing.Palette.Panel, BoardScene.VisitTint, 0.75 * 90 / 170)) > 1000, "the opening's search is not on show");
    }

    [RaylibFact]
    public void A_replay_in_the_window_plays_every_game_and_records_each_frame()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-replay-window-" + Guid.NewGuid().ToString("N"));
        try
        {
            var replay = new GameReplay<TicTacToeState, Ttt>(s_ttt,
                [new SearchingPlayer<TicTacToeState, Ttt>(s_ttt, true), new PlainPlayer<TicTacToeState, Ttt>(s_ttt, false)], ["lowest", "highest"], ["X", "O"], 2);
            bool ended = GameReplayView.Run(replay.Run, new GameReplayViewOptions(ShowWindow: true, RecordPath: dir, MovesPerSecond: 0,
                Window: new RaylibWindowOptions(Hidden: true, CloseWhenTrainingEnds: true)));
            Assert.True(ended);
            Assert.Equal([1, 1], replay.Wins);
            Assert.Equal(2 * (5 + GameReplay<TicTacToeState, Ttt>.ResultHold) + 1, Directory.GetFiles(dir, "*.png").Length);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
