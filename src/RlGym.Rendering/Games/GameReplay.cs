using RlGym.Core.MultiAgent;
using RlGym.Rendering.Live;
using RlGym.Training.Games;

namespace RlGym.Rendering.Games;

/// <summary>
/// Plays games between two players move by move and shows each position as a frame (<c>rlgym watch GAME --players
/// A,B</c>): before each move the board with the mover's visit count and value per move when it searches and its
/// choice outlined, then each game's final position with the result, then the score. The players take turns to open,
/// so each side opens half the games. The referee is the <see cref="Arena"/>: an illegal move loses the game.
/// </summary>
public sealed class GameReplay<TState, TRules>
    where TState : struct where TRules : struct, IGameRules<TState>
{
    /// <summary>How many times a game's final position is shown: it stays up for that many moves' time.</summary>
    public const int ResultHold = 3;

    private readonly TRules _rules;
    private readonly IReadOnlyList<IGamePlayer<TState>> _players;
    private readonly IReadOnlyList<string> _labels;
    private readonly IReadOnlyList<string> _pieces;
    private readonly int _games;
    private readonly int[] _wins = new int[2];
    private int _draws;

    /// <summary>Replays <paramref name="games"/> games between two <paramref name="players"/> named by <paramref name="labels"/>, with pieces named <paramref name="pieces"/> (X, O).</summary>
    public GameReplay(TRules rules, IReadOnlyList<IGamePlayer<TState>> players, IReadOnlyList<string> labels, IReadOnlyList<string> pieces, int games)
    {
        if (players.Count != 2 || labels.Count != 2) throw new ArgumentException("A replay needs two players with a label each.", nameof(players));
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        (_rules, _players, _labels, _pieces, _games) = (rules, players, labels, pieces, games);
    }

    /// <summary>Games won by each player so far, in the order given.</summary>
    public IReadOnlyList<int> Wins => _wins;

    /// <summary>Games drawn so far.</summary>
    public int Draws => _draws;

    /// <summary>Games lost by an illegal move so far.</summary>
    public int IllegalMoves { get; private set; }

    /// <summary>
    /// Plays every game, handing each frame to <paramref name="show"/> (which may wait: the window's pace) and the
    /// last frame, marked finished, to <paramref name="showLast"/>. Stops with an <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public void Run(Action<FrameSnapshot> show, Action<FrameSnapshot> showLast, CancellationToken cancellation = default)
    {
        var moves = new List<int>(_rules.ActionCount);
        FrameSnapshot? last = null;
        for (int g = 0; g < _games; g++)
        {
            cancellation.ThrowIfCancellationRequested();
            int opener = g % 2;
            var final = _rules.Initial;
            var (winner, illegal) = Arena.PlayOne(_rules, _players, opener, moves, (state, player, action) =>
            {
                cancellation.ThrowIfCancellationRequested();
                var search = _players[player] as ISearchStatistics;
                string status = $"{_labels[player]} plays {_pieces[_rules.ToMove(state)]} in {Where(action)}.";
                show(Frame(g, opener, BoardFrame.Of(_rules, state, _pieces, search?.RootVisits.ToArray(), search?.RootValues.ToArray(), action, status), status, false));
                if (_rules.IsLegal(state, action)) final = _rules.Play(state, action);
            });
            if (illegal) IllegalMoves++;
            if (winner < 0) _draws++;
            else _wins[winner]++;
            string result = $"Game {g + 1}: " + (winner < 0 ? "a draw."
                : illegal ? $"{_labels[winner]} wins: {_labels[1 - winner]} played an illegal move."
                : $"{_labels[winner]} ({_pieces[winner == opener ? 0 : 1]}) wins.");
            var end = Frame(g, opener, BoardFrame.Of(_rules, final, _pieces, chosen: moves.Count > 0 ? moves[^1] : -1, caption: result) with { IsOver = true }, result, false);
            for (int i = 0; i < ResultHold; i++) show(end);
            last = Frame(g, opener, end.Board!, $"{result} After {g + 1} {(g == 0 ? "game" : "games")}: {Score()}.", true);
        }
        showLast(last!);
    }

    /// <summary>The score as a line: <c>mcts 3, minimax 1, 2 draws</c>.</summary>
    public string Score() => $"{_labels[0]} {_wins[0]}, {_labels[1]} {_wins[1]}, {_draws} {(_draws == 1 ? "draw" : "draws")}";

    private bool Columns => _rules.ActionCount == _rules.Columns && _rules.Rows > 1;

    private string Where(int action) => Columns ? $"column {action + 1}" : $"cell {action + 1}";

    private FrameSnapshot Frame(int game, int opener, BoardFrame board, string status, bool finished) => new()
    {
        Board = board,
        Match = new MatchFrame(_labels, [opener == 0 ? 0 : 1, opener == 0 ? 1 : 0], game + 1, _games, [.. _wins], _draws, status,
            Scenes.DashboardScene.KeysHelp),
        Finished = finished,
    };
}
