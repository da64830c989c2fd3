using RlGym.Core.MultiAgent;
using RlGym.Rendering.Live;
using RlGym.Training.Games;

namespace RlGym.Rendering.Games;

/// <summary>
/// A person playing a board game against a player, as the play window shows it: what to draw and what the person's
/// clicks and keys do, over a <see cref="HumanMatch{TState,TRules}"/> that keeps the rules. The opponent searches on a
/// worker thread, so the window stays responsive while it thinks; its answer is then shown for
/// <see cref="ReplySeconds"/> before the piece lands: the position it searched with the visit count and value of
/// each move and its choice outlined. A click or a key during that time lands the piece at once (and counts as the
/// person's move). Refused moves leave a short notice. The clock is the caller's (seconds), so tests can drive it.
/// </summary>
public sealed class HumanPlay<TState, TRules> : IHumanPlay
    where TState : struct where TRules : struct, IGameRules<TState>
{
    /// <summary>How long a notice stays, in seconds.</summary>
    public const double NoticeSeconds = 2.5;

    private readonly HumanMatch<TState, TRules> _match;
    private readonly string _opponent;
    private readonly IReadOnlyList<string> _pieces;
    private Task<OpponentReply>? _search;
    private OpponentReply? _reply;
    private double _replyUntil;
    private bool _newGameWanted;
    private string? _notice;
    private double _noticeUntil;

    /// <summary>Plays <paramref name="match"/> against the player named <paramref name="opponent"/>, drawing pieces named <paramref name="pieces"/> (X, O).</summary>
    public HumanPlay(HumanMatch<TState, TRules> match, string opponent, IReadOnlyList<string> pieces, double replySeconds = 1.2)
    {
        _match = match;
        _opponent = opponent;
        _pieces = pieces;
        ReplySeconds = replySeconds;
        Frame = Build();
    }

    /// <summary>Seconds the opponent's search is shown before its piece lands.</summary>
    public double ReplySeconds { get; }

    /// <summary>The match being played.</summary>
    public HumanMatch<TState, TRules> Match => _match;

    /// <inheritdoc />
    public int ActionCount => _match.Rules.ActionCount;

    /// <inheritdoc />
    public FrameSnapshot Frame { get; private set; }

    /// <inheritdoc />
    public (int Human, int Opponent, int Draws) Score => (_match.HumanWins, _match.OpponentWins, _match.Draws);

    /// <inheritdoc />
    public bool OpponentBusy => _search is not null || _reply is not null;

    /// <inheritdoc />
    public string? Notice(double now) => now < _noticeUntil ? _notice : null;

    /// <inheritdoc />
    public void Update(double now)
    {
        if (_search is { IsCompleted: true } done)
        {
            _search = null;
            var reply = done.GetAwaiter().GetResult();
            if (_newGameWanted) StartNewGame();
            else (_reply, _replyUntil) = (reply, now + ReplySeconds);
        }
        if (_reply is not null && now >= _replyUntil) Land();
        if (_search is null && _reply is null && _match.OpponentToMove)
            _search = Task.Run(_match.ChooseOpponentMove);
        Frame = Build();
    }

    /// <inheritdoc />
    public void Move(int action, double now)
    {
        // A move during the shown reply: the reply lands first, then the person's move is played after it.
        if (_reply is not null) Land();
        switch (_match.TryHumanMove(action))
        {
            case HumanMoveResult.Played: _notice = null; break;
            case HumanMoveResult.GameOver: Say("The game is over: N starts a new one.", now); break;
            case HumanMoveResult.NotYourTurn: Say($"Wait: {_opponent} is thinking.", now); break;
            case HumanMoveResult.Illegal: Say(Refusal(action), now); break;
        }
        Update(now);
    }

    /// <inheritdoc />
    public void NewGame(double now)
    {
        _reply = null;
        // The opponent may not be asked twice at once: the new game starts when its search returns.
        if (_search is not null) _newGameWanted = true;
        else StartNewGame();
        Update(now);
    }

    /// <inheritdoc />
    public void WaitForOpponent()
    {
        try { _search?.Wait(); }
        catch (AggregateException) { }
    }

    private void StartNewGame()
    {
        _newGameWanted = false;
        _match.NewGame();
        _notice = null;
    }

    private void Land()
    {
        var reply = _reply!;
        _reply = null;
        _match.PlayOpponentMove(reply);
    }

    private void Say(string notice, double now) => (_notice, _noticeUntil) = (notice, now + NoticeSeconds);

    private bool Columns => _match.Rules.ActionCount == _match.Rules.Columns && _match.Rules.Rows > 1;

    private string Refusal(int action) =>
        action < 0 || action >= ActionCount ? $"There is no move {action + 1}: use 1 to {ActionCount}."
        : Columns ? $"Column {action + 1} is full: choose another." : $"Cell {action + 1} is taken: choose a free one.";

    private string Where(int action) => Columns ? $"column {action + 1}" : $"cell {action + 1}";

    private FrameSnapshot Build()
    {
        var rules = _match.Rules;
        var state = _match.State;
        string human = _pieces[_match.HumanSeat], other = _pieces[1 - _match.HumanSeat];
        string status;
        BoardFrame board;
        if (_reply is { } reply)
        {
            status = $"{_opponent} plays {other} in {Where(reply.Action)}.";
            board = BoardFrame.Of(rules, state, _pieces, reply.Visits, reply.Values, reply.Action, status);
        }
        else
        {
            status = _match.Outcome switch
            {
                MatchOutcome.HumanWon when _match.OpponentForfeited => $"You win: {_opponent} played an illegal move. N: new game, sides swapped.",
                MatchOutcome.HumanWon => "You win! N: new game, sides swapped.",
                MatchOutcome.OpponentWon => $"{_opponent} wins. N: new game, sides swapped.",
                MatchOutcome.Draw => "A draw. N: new game, sides swapped.",
                _ when _match.HumanToMove => $"Your move ({human}): {(Columns ? "click a column" : "click a cell")} or press 1-{ActionCount}.",
                _ => $"{_opponent} is thinking…",
            };
            // The caption under the board says only what the status beside it does not: which pieces are the person's.
            string caption = _match.IsOver ? status : $"You play {human}.";
            board = BoardFrame.Of(rules, state, _pieces, chosen: _match.LastMove, caption: caption) with
            {
                KeyHints = _match.HumanToMove,
                IsOver = _match.IsOver,
            };
        }
        var match = new MatchFrame(["you", _opponent], [_match.HumanSeat, 1 - _match.HumanSeat], _match.Game, null,
            [_match.HumanWins, _match.OpponentWins], _match.Draws, status,
            $"{(Columns ? "Click a column" : "Click a cell")} or 1-{ActionCount} to move · N new game · V values · Esc close");
        return new FrameSnapshot { Board = board, Match = match, Finished = false };
    }
}
