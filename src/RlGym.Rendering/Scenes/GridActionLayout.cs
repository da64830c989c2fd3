namespace RlGym.Rendering.Scenes;

/// <summary>
/// Which way each action index moves on a grid, as (row, column) steps; (0, 0) for actions that do not move
/// (Taxi's pickup and drop-off). Environments number their moves differently, so the scene is told.
/// </summary>
public sealed class GridActionLayout
{
    private readonly (int DRow, int DColumn)[] _moves;

    /// <summary>Creates a layout from one (row, column) step per action index.</summary>
    public GridActionLayout(string name, params (int DRow, int DColumn)[] moves)
    {
        Name = name;
        _moves = ((int, int)[])moves.Clone();
    }

    /// <summary>A name for messages, e.g. <c>FrozenLake</c>.</summary>
    public string Name { get; }

    /// <summary>Number of actions described.</summary>
    public int Count => _moves.Length;

    /// <summary>The step of action <paramref name="action"/>; (0, 0) when unknown or not a move.</summary>
    public (int DRow, int DColumn) MoveOf(int action) =>
        action >= 0 && action < _moves.Length ? _moves[action] : (0, 0);

    /// <summary>FrozenLake: 0 left, 1 down, 2 right, 3 up.</summary>
    public static GridActionLayout FrozenLake { get; } = new("FrozenLake", (0, -1), (1, 0), (0, 1), (-1, 0));

    /// <summary>CliffWalking and GridWorld: 0 up, 1 right, 2 down, 3 left.</summary>
    public static GridActionLayout UpRightDownLeft { get; } = new("UpRightDownLeft", (-1, 0), (0, 1), (1, 0), (0, -1));

    /// <summary>Taxi: 0 south, 1 north, 2 east, 3 west, 4 pickup, 5 drop-off.</summary>
    public static GridActionLayout Taxi { get; } = new("Taxi", (1, 0), (-1, 0), (0, 1), (0, -1), (0, 0), (0, 0));

    /// <summary>The layout of a Gymnasium env id: FrozenLake's and Taxi's own, up-right-down-left otherwise.</summary>
    public static GridActionLayout ForEnv(string envId) =>
        envId.StartsWith("FrozenLake", StringComparison.OrdinalIgnoreCase) ? FrozenLake
        : envId.StartsWith("Taxi", StringComparison.OrdinalIgnoreCase) ? Taxi
        : UpRightDownLeft;
}
