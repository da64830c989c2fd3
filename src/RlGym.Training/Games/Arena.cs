using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Training.Games;

/// <summary>
/// Plays games between two players on a board game's rules and counts the results, as <c>rlgym arena</c> does. The
/// arena is the referee: it shows each player the position, plays its move and asks the rules who won; a player that
/// answers with an illegal move loses that game. With <c>swap</c>, the second player moves first in every odd game,
/// so each side plays first half the time.
/// <para>
/// Two deterministic players (a search that always plays its most visited move) play the same game every time, so
/// their score is decided by one or two games. An opening of a few random legal moves before the players take over
/// gives each game a different start, as engine tournaments use opening books; with <c>swap</c> both players play each
/// opening once from each side, so neither gets the better ones.
/// </para>
/// </summary>
public static class Arena
{
    /// <summary>Plays <paramref name="games"/> games between <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <remarks><paramref name="onMove"/> sees every move as it is chosen: the game's index, the position, the index of the player choosing (in the order given) and its move.</remarks>
    public static ArenaResult Play<TState, TRules>(TRules rules, IGamePlayer<TState> first, IGamePlayer<TState> second,
        int games, bool swap, Action<GameRecord>? onGame = null, CancellationToken cancellationToken = default,
        Action<int, TState, int, int>? onMove = null, int openingMoves = 0, long openingSeed = 0)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(openingMoves);
        var players = new[] { first, second };
        var wins = new int[2];
        var firstMoves = new int[2];
        int draws = 0, illegal = 0;
        var moves = new List<int>(rules.ActionCount);
        var openings = new Rng(openingSeed);
        IReadOnlyList<int>? opening = null;
        for (int g = 0; g < games; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int opener = swap && g % 2 == 1 ? 1 : 0;
            firstMoves[opener]++;
            int game = g;
            // Games 2n and 2n + 1 share an opening when the sides swap, so each player gets it from both sides.
            if (openingMoves > 0 && (!swap || g % 2 == 0)) opening = Opening<TState, TRules>(rules, openingMoves, openings);
            var (winner, wasIllegal) = PlayOne(rules, players, opener, moves, onMove is null ? null : (state, player, action) => onMove(game, state, player, action), opening);
            if (wasIllegal) illegal++;
            if (winner < 0) draws++;
            else wins[winner]++;
            onGame?.Invoke(new GameRecord(g, opener, [.. moves], winner));
        }
        return new ArenaResult(games, wins, draws, firstMoves, illegal);
    }

    /// <summary>One game: <paramref name="opener"/> moves first; returns the winner's index in <paramref name="players"/> (−1 a draw).</summary>
    /// <remarks>The moves of <paramref name="opening"/>, when given, are played first for both sides; the players take over after them.</remarks>
    public static (int Winner, bool Illegal) PlayOne<TState, TRules>(TRules rules, IReadOnlyList<IGamePlayer<TState>> players, int opener, List<int> moves,
        Action<TState, int, int>? onMove = null, IReadOnlyList<int>? opening = null)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        moves.Clear();
        var s = rules.Initial;
        foreach (int action in opening ?? [])
        {
            moves.Add(action);
            s = rules.Play(s, action);
        }
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

    /// <summary>
    /// An opening of <paramref name="length"/> random legal moves drawn from <paramref name="random"/>: never a move
    /// that ends the game, and shorter when every legal move would.
    /// </summary>
    public static IReadOnlyList<int> Opening<TState, TRules>(TRules rules, int length, Rng random)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        var moves = new List<int>(length);
        Span<int> legal = stackalloc int[rules.ActionCount];
        Span<int> quiet = stackalloc int[rules.ActionCount];
        var s = rules.Initial;
        for (int m = 0; m < length && !rules.IsOver(s); m++)
        {
            int n = rules.LegalActions(s, legal), k = 0;
            for (int j = 0; j < n; j++)
                if (!rules.IsOver(rules.Play(s, legal[j]))) quiet[k++] = legal[j];
            if (k == 0) break;
            int action = quiet[random.NextInt(k)];
            moves.Add(action);
            s = rules.Play(s, action);
        }
        return moves;
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
