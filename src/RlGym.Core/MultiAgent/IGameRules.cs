namespace RlGym.Core.MultiAgent;

/// <summary>
/// The rules of a two-player, zero-sum, alternating-move game of perfect information on a board (tic-tac-toe,
/// Connect Four): the model that search players use, as <see cref="Tabular.ITabularModel"/> is the model planners
/// use. Players never step an environment; they look ahead with these rules from the state they are shown.
/// <para>
/// Implementations are <c>readonly struct</c>s over a small <c>struct</c> state so that search code generic over
/// them is specialised by the JIT (no virtual calls, no allocation per move). Players are numbered 0 (moves first)
/// and 1.
/// </para>
/// </summary>
/// <typeparam name="TState">A position: the board and whose turn it is.</typeparam>
public interface IGameRules<TState> where TState : struct
{
    /// <summary>A short name, e.g. <c>tic-tac-toe</c>.</summary>
    string Name { get; }

    /// <summary>Number of actions (cells, columns); the action space is <c>Discrete(ActionCount)</c>.</summary>
    int ActionCount { get; }

    /// <summary>Rows of the board.</summary>
    int Rows { get; }

    /// <summary>Columns of the board.</summary>
    int Columns { get; }

    /// <summary>The empty board, player 0 to move.</summary>
    TState Initial { get; }

    /// <summary>The player to move (0 or 1); after the end, the one who would have moved next.</summary>
    int ToMove(in TState state);

    /// <summary>Plies played so far.</summary>
    int Plies(in TState state);

    /// <summary>True when <paramref name="action"/> may be played in <paramref name="state"/> (false once the game is over).</summary>
    bool IsLegal(in TState state, int action);

    /// <summary>Writes the legal actions in increasing order into <paramref name="actions"/> and returns how many there are.</summary>
    int LegalActions(in TState state, Span<int> actions);

    /// <summary>The position after the player to move plays the legal <paramref name="action"/>.</summary>
    TState Play(in TState state, int action);

    /// <summary>
    /// True when <paramref name="player"/> would complete a line by placing a piece where <paramref name="action"/> puts
    /// it (whoever is to move): the tactics of MCTS's rollouts, which take a win and block the opponent's.
    /// </summary>
    bool Completes(in TState state, int action, int player);

    /// <summary>True when someone has won or the board is full.</summary>
    bool IsOver(in TState state);

    /// <summary>The winner (0 or 1), or −1 while the game goes on or when it was drawn.</summary>
    int Winner(in TState state);

    /// <summary>Who holds a cell: −1 empty, 0 or 1 a player's piece. Row 0 is the top.</summary>
    int Cell(in TState state, int row, int column);

    /// <summary>
    /// Writes the position as seen by the player to move into <paramref name="features"/> (length
    /// <c>Rows · Columns · 2</c>, row-major, two planes per cell: the mover's pieces, then the opponent's), the
    /// observation of the environment and the input of value and policy networks.
    /// </summary>
    void Encode(in TState state, Span<float> features);

    /// <summary>
    /// A guess of the outcome for the player to move in (−1, 1), for depth-limited search: 0 when the rules have no
    /// better guess (tic-tac-toe is searched to the end).
    /// </summary>
    double Heuristic(in TState state);
}
