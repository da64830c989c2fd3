using RlGym.Core.Environments;
using RlGym.Core.MultiAgent;

namespace RlGym.Rendering.Live;

/// <summary>
/// A two-player board game's position as a frame shows it, with what the player to move found when it searched:
/// the visit count and value of every move (<see cref="Core.MultiAgent.ISearchStatistics"/>).
/// </summary>
/// <param name="Rows">Rows of the board.</param>
/// <param name="Columns">Columns of the board.</param>
/// <param name="ActionCount">Moves: a cell each (tic-tac-toe) or a column each (Connect Four).</param>
/// <param name="Cells">Row-major, row 0 the top: −1 empty, 0 or 1 a player's piece.</param>
/// <param name="ToMove">The player to move (0 or 1).</param>
/// <param name="PlayerNames">The players' piece names, e.g. X and O.</param>
/// <param name="Visits">Visits per action of the mover's search (null when the mover does not search).</param>
/// <param name="Values">Mean value per action for the mover, in [−1, 1] (NaN unvisited); null with <paramref name="Visits"/>.</param>
/// <param name="Chosen">The action the mover chose (−1 none yet).</param>
/// <param name="Caption">A line under the board, e.g. who plays whom.</param>
public sealed record BoardFrame(
    int Rows,
    int Columns,
    int ActionCount,
    int[] Cells,
    int ToMove,
    IReadOnlyList<string> PlayerNames,
    int[]? Visits,
    double[]? Values,
    int Chosen,
    string Caption)
{
    /// <summary>True when the game has ended: the caption then says how, not who is to move.</summary>
    public bool IsOver { get; init; }

    /// <summary>
    /// True when a person moves by keys: each free move is labelled with its key (1 to 9 for tic-tac-toe's cells in
    /// reading order, 1 to 7 for Connect Four's columns), where the search statistics would otherwise be.
    /// </summary>
    public bool KeyHints { get; init; }

    /// <summary>True when actions are columns (Connect Four) rather than cells (tic-tac-toe).</summary>
    public bool ActionsAreColumns => ActionCount == Columns && Rows > 1;

    /// <summary>The position <paramref name="state"/> of a game with <paramref name="rules"/>, with the mover's search statistics when given.</summary>
    public static BoardFrame Of<TState, TRules>(TRules rules, in TState state, IReadOnlyList<string> playerNames,
        int[]? visits = null, double[]? values = null, int chosen = -1, string caption = "")
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        var cells = new int[rules.Rows * rules.Columns];
        for (int r = 0; r < rules.Rows; r++)
            for (int c = 0; c < rules.Columns; c++) cells[r * rules.Columns + c] = rules.Cell(state, r, c);
        return new BoardFrame(rules.Rows, rules.Columns, rules.ActionCount, cells, rules.ToMove(state), playerNames, visits, values, chosen, caption);
    }

    /// <summary>The current position of a board-game environment (a <see cref="TurnBasedEnv{TState,TRules}"/>); null for other environments.</summary>
    public static BoardFrame? Of(IEnv env) => env.Unwrapped is IBoardGame game ? game.Accept(new CurrentPosition(env.Unwrapped)) : null;

    private sealed class CurrentPosition(IEnv env) : IGameVisitor<BoardFrame?>
    {
        public BoardFrame? Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState> =>
            env is TurnBasedEnv<TState, TRules> game ? Of(rules, game.State, game.PlayerNames) : null;
    }
}
