using RlGym.Core.MultiAgent;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Training.Games;

namespace RlGym.Cli.Games;

/// <summary>
/// Draws one arena game offscreen, a PNG per position (<c>move-00.png</c>, <c>move-01.png</c>, ...): the board before
/// each move with the mover's visit count and value per move when it searches (<see cref="ISearchStatistics"/>), and
/// the final position.
/// </summary>
public sealed class BoardRecorder<TState, TRules> : IDisposable
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly TRules _rules;
    private readonly string _directory;
    private readonly IReadOnlyList<string> _labels;
    private readonly IReadOnlyList<IGamePlayer<TState>> _players;
    private readonly FrameRenderer _renderer = new(new Layout(new BoardScene(), dashboard: null), 600, 640);
    private readonly string[] _pieces = ["X", "O"];

    /// <summary>Records into <paramref name="directory"/> (created) for players named by <paramref name="labels"/>.</summary>
    public BoardRecorder(TRules rules, string directory, IReadOnlyList<string> labels, IReadOnlyList<IGamePlayer<TState>> players)
    {
        _rules = rules;
        _directory = directory;
        _labels = labels;
        _players = players;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Frames written so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Draws the position <paramref name="state"/> where player <paramref name="player"/> chose <paramref name="action"/>.</summary>
    public void Move(in TState state, int player, int action)
    {
        var search = _players[player] as ISearchStatistics;
        Write(state, search?.RootVisits.ToArray(), search?.RootValues.ToArray(), action, $"{_labels[player]} plays {_pieces[_rules.ToMove(state)]}.");
    }

    /// <summary>Draws the final position of the recorded game.</summary>
    public void Finish(GameRecord game)
    {
        var s = _rules.Initial;
        foreach (int a in game.Moves) s = _rules.Play(s, a);
        string result = game.Winner < 0 ? "A draw." : $"{_labels[game.Winner]} wins.";
        Write(s, null, null, -1, result, isOver: true);
    }

    private void Write(in TState state, int[]? visits, double[]? values, int chosen, string caption, bool isOver = false)
    {
        var board = BoardFrame.Of(_rules, state, _pieces, visits, values, chosen, caption) with { IsOver = isOver };
        _renderer.RenderToFile(new FrameSnapshot { Board = board }, Path.Combine(_directory, $"move-{Frames:00}.png"));
        Frames++;
    }

    /// <inheritdoc />
    public void Dispose() => _renderer.Dispose();
}
