using RlGym.Core.MultiAgent;

namespace RlGym.Training.Games;

/// <summary>
/// Plays games between two players on a board game's rules and counts the results, as <c>rlgym arena</c> does. The
/// arena is the referee: it shows each player the position, plays its move and asks the rules who won; a player that
/// answers with an illegal move loses that game. With <c>swap</c>, the second player moves first in every odd game,
/// so each side plays first half the time.
/// </summary>
public static class Arena
{
    /// <summary>Plays <paramref name="games"/> games between <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <remarks><paramref name="onMove"/> sees every move as it is chosen: the game's index, the position, the index of the player choosing (in the order given) and its move.</remarks>
    public static ArenaResult Play<TState, TRules>(TRules rules, IGamePlayer<TState> first, IGamePlayer<TState> second,
        int games, bool swap, Action<GameRecord>? onGame = null, CancellationToken cancellationToken = default,
        Action<int, TState, int, int>? onMove = null)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        var players = new[] { first, second };
        var wins = new int[2];
        var firstMoves = new int[2];
        int draws = 0, illegal = 0;
        var moves = new List<int>(rules.ActionCount);
        for (int g = 0; g < games; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int opener = swap && g % 2 == 1 ? 1 : 0;
            firstMoves[opener]++;
            int game = g;
            var (winner, wasIllegal) = PlayOne(rules, players, opener, moves, onMove is null ? null : (state, player, action) => onMove(game, state, player, action));
            if (wasIllegal) illegal++;
            if (winner < 0) draws++;
            else wins[winner]++;
            onGame?.Invoke(new GameRecord(g, opener, [.. moves], winner));
        }
        return new ArenaResult(games, wins, draws, firstMoves, illegal);
    }

    /// <summary>One game: <paramref name="opener"/> moves first; returns the winner's index in <paramref name="players"/> (−1 a draw).</summary>
    public static (int Winner, bool Illegal) PlayOne<TState, TRules>(TRules rules, IReadOnlyList<IGamePlayer<TState>> players, int opener, List<int> moves,
        Action<TState, int, int>? onMove = null)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        moves.Clear();
        var s = rules.Initial;
        while (!rules.IsOver(s))
        {
            int seat = rules.ToMove(s);
            int player = seat == 0 ? opener : 1 - opener;
            int action = players[player].ChooseAction(s);
            onMove?.Invoke(s, player, action);
            if (!rules.IsLegal(s, action)) return (1 - player, true);
            moves.Add(action);
            s = rules.Play(s, action);
        }
        int winnerSeat = rules.Winner(s);
        return (winnerSeat < 0 ? -1 : winnerSeat == 0 ? opener : 1 - opener, false);
    }
}

/// <summary>
/// The results of an arena: wins per player (in the order given), draws, and how many games each player opened.
/// <see cref="IllegalMoves"/> counts games lost by an illegal move.
/// </summary>
public sealed record ArenaResult(int Games, IReadOnlyList<int> Wins, int Draws, IReadOnlyList<int> FirstMoves, int IllegalMoves)
{
    /// <summary>Losses of player <paramref name="player"/>.</summary>
    public int Losses(int player) => Games - Wins[player] - Draws;
}

/// <summary>One arena game: its index, which player moved first (0 or 1), the moves in order and the winning player (−1 a draw).</summary>
public sealed record GameRecord(int Index, int Opener, IReadOnlyList<int> Moves, int Winner);
