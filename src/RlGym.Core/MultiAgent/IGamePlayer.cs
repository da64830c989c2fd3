using RlGym.Core.Agents;

namespace RlGym.Core.MultiAgent;

/// <summary>
/// A player of a two-player board game: chooses a move for the player to move in the position it is shown.
/// Search players (minimax, MCTS) look ahead with the game's rules; learned players also save and load what they
/// learned (<see cref="IAgent.Save"/>), so a run directory can be played in the arena.
/// </summary>
public interface IGamePlayer<TState> : IAgent where TState : struct
{
    /// <summary>A legal action for the player to move in <paramref name="state"/> (the game is not over).</summary>
    int ChooseAction(in TState state);
}

/// <summary>
/// A player that searches: after <see cref="IGamePlayer{TState}.ChooseAction"/> it tells, for every action at the
/// root, how often the search visited it and what it was worth to the player who chose, for drawing the board.
/// </summary>
public interface ISearchStatistics
{
    /// <summary>Visits per action of the last search (0 for illegal or unvisited actions).</summary>
    ReadOnlySpan<int> RootVisits { get; }

    /// <summary>Mean value per action of the last search for the player who chose, in [−1, 1] (NaN when unvisited).</summary>
    ReadOnlySpan<double> RootValues { get; }
}
