using RlGym.Core.MultiAgent;

namespace RlGym.Training.Games;

/// <summary>What became of a move the human tried.</summary>
public enum HumanMoveResult
{
    /// <summary>The move was played.</summary>
    Played,

    /// <summary>It is the opponent's turn; nothing changed.</summary>
    NotYourTurn,

    /// <summary>The move is not legal here (a taken cell, a full column, off the board); nothing changed.</summary>
    Illegal,

    /// <summary>The game is over; nothing changed.</summary>
    GameOver,
}

/// <summary>Where a game between a human and a player stands.</summary>
public enum MatchOutcome
{
    /// <summary>The game goes on.</summary>
    Playing,

    /// <summary>The human won.</summary>
    HumanWon,

    /// <summary>The opponent won (or the human's opponent forfeited by an illegal move: see <see cref="HumanMatch{TState,TRules}.OpponentForfeited"/>).</summary>
    OpponentWon,

    /// <summary>A draw.</summary>
    Draw,
}

/// <summary>
/// The opponent's choice in one position, with what its search found there when it searches: visits and values per
/// move (<see cref="ISearchStatistics"/>). <paramref name="Game"/> and <paramref name="Plies"/> say which position it
/// answers, so a reply that arrives after a new game started is not played into it.
/// </summary>
public sealed record OpponentReply(int Action, int[]? Visits, double[]? Values, int Game, int Plies);

/// <summary>
/// A human playing a board game against a player: whose turn it is, which moves are legal, the human's moves, the
/// opponent's replies, the result and the tally over games. The referee is the game's rules, as in the
/// <see cref="Arena"/>: a human's illegal move is refused and changes nothing (the human tries again), an opponent's
/// illegal move loses it the game. A new game swaps the sides, so whoever moved second moves first.
/// <para>
/// The window asks the opponent for its reply on a worker thread (<see cref="ChooseOpponentMove"/> reads the position
/// and changes nothing) and plays it on its own thread (<see cref="PlayOpponentMove"/>); everything else runs on one
/// thread.
/// </para>
/// </summary>
public sealed class HumanMatch<TState, TRules>
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly IGamePlayer<TState> _opponent;
    private readonly List<int> _moves;
    private TState _state;

    /// <summary>Starts the first game; the human moves first when <paramref name="humanMovesFirst"/>.</summary>
    public HumanMatch(TRules rules, IGamePlayer<TState> opponent, bool humanMovesFirst)
    {
        Rules = rules;
        _opponent = opponent;
        _moves = new List<int>(rules.ActionCount);
        HumanSeat = humanMovesFirst ? 0 : 1;
        _state = rules.Initial;
        Game = 1;
    }

    /// <summary>The game's rules.</summary>
    public TRules Rules { get; }

    /// <summary>The position now.</summary>
    public TState State => _state;

    /// <summary>The human's seat this game: 0 moves first (the first player's pieces), 1 second.</summary>
    public int HumanSeat { get; private set; }

    /// <summary>The game being played, counted from 1.</summary>
    public int Game { get; private set; }

    /// <summary>The moves of this game so far.</summary>
    public IReadOnlyList<int> Moves => _moves;

    /// <summary>The last move played this game, or −1.</summary>
    public int LastMove => _moves.Count > 0 ? _moves[^1] : -1;

    /// <summary>Games the human won.</summary>
    public int HumanWins { get; private set; }

    /// <summary>Games the opponent won.</summary>
    public int OpponentWins { get; private set; }

    /// <summary>Games drawn.</summary>
    public int Draws { get; private set; }

    /// <summary>How this game stands.</summary>
    public MatchOutcome Outcome { get; private set; }

    /// <summary>True when the opponent lost this game by an illegal move.</summary>
    public bool OpponentForfeited { get; private set; }

    /// <summary>True once this game has ended.</summary>
    public bool IsOver => Outcome != MatchOutcome.Playing;

    /// <summary>True when the human is to move.</summary>
    public bool HumanToMove => !IsOver && Rules.ToMove(_state) == HumanSeat;

    /// <summary>True when the opponent is to move.</summary>
    public bool OpponentToMove => !IsOver && Rules.ToMove(_state) != HumanSeat;

    /// <summary>Plays the human's <paramref name="action"/> when it is the human's turn and the move is legal.</summary>
    public HumanMoveResult TryHumanMove(int action)
    {
        if (IsOver) return HumanMoveResult.GameOver;
        if (!HumanToMove) return HumanMoveResult.NotYourTurn;
        if (!Rules.IsLegal(_state, action)) return HumanMoveResult.Illegal;
        Play(action);
        return HumanMoveResult.Played;
    }

    /// <summary>
    /// Asks the opponent for its move in the current position (it must be the opponent's turn). Changes nothing
    /// here, so it may run on a worker thread while the position is drawn.
    /// </summary>
    public OpponentReply ChooseOpponentMove()
    {
        if (!OpponentToMove) throw new InvalidOperationException(IsOver ? "The game is over." : "It is the human's turn.");
        var position = _state;
        int game = Game, plies = Rules.Plies(position);
        int action = _opponent.ChooseAction(position);
        var search = _opponent as ISearchStatistics;
        return new OpponentReply(action, search?.RootVisits.ToArray(), search?.RootValues.ToArray(), game, plies);
    }

    /// <summary>
    /// Plays the opponent's <paramref name="reply"/>; an illegal move loses the game. Returns false, changing nothing,
    /// when the reply answers another position (a new game started while the opponent searched).
    /// </summary>
    public bool PlayOpponentMove(OpponentReply reply)
    {
        if (reply.Game != Game || reply.Plies != Rules.Plies(_state) || !OpponentToMove) return false;
        if (!Rules.IsLegal(_state, reply.Action))
        {
            OpponentForfeited = true;
            End(MatchOutcome.HumanWon);
            return true;
        }
        Play(reply.Action);
        return true;
    }

    /// <summary>Asks the opponent and plays its move, on the calling thread.</summary>
    public OpponentReply PlayOpponent()
    {
        var reply = ChooseOpponentMove();
        PlayOpponentMove(reply);
        return reply;
    }

    /// <summary>Starts the next game with the sides swapped. A game abandoned before its end is not counted.</summary>
    public void NewGame()
    {
        HumanSeat = 1 - HumanSeat;
        _state = Rules.Initial;
        _moves.Clear();
        Outcome = MatchOutcome.Playing;
        OpponentForfeited = false;
        Game++;
    }

    private void Play(int action)
    {
        _state = Rules.Play(_state, action);
        _moves.Add(action);
        if (!Rules.IsOver(_state)) return;
        int winner = Rules.Winner(_state);
        End(winner < 0 ? MatchOutcome.Draw : winner == HumanSeat ? MatchOutcome.HumanWon : MatchOutcome.OpponentWon);
    }

    private void End(MatchOutcome outcome)
    {
        Outcome = outcome;
        if (outcome == MatchOutcome.HumanWon) HumanWins++;
        else if (outcome == MatchOutcome.OpponentWon) OpponentWins++;
        else Draws++;
    }
}
