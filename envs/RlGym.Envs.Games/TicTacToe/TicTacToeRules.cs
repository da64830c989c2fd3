using System.Numerics;
using RlGym.Core.MultiAgent;

namespace RlGym.Envs.Games.TicTacToe;

/// <summary>The rules of tic-tac-toe on a 3×3 board: three marks in a row, column or diagonal win.</summary>
public readonly struct TicTacToeRules : IGameRules<TicTacToeState>
{
    private const ushort Full = 0x1FF;

    private static readonly ushort[] Lines = [0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054];

    /// <inheritdoc />
    public string Name => "tic-tac-toe";

    /// <inheritdoc />
    public int ActionCount => 9;

    /// <inheritdoc />
    public int Rows => 3;

    /// <inheritdoc />
    public int Columns => 3;

    /// <inheritdoc />
    public TicTacToeState Initial => new(0, 0, -1, 0);

    /// <inheritdoc />
    public int ToMove(in TicTacToeState state) => state.Plies & 1;

    /// <inheritdoc />
    public int Plies(in TicTacToeState state) => state.Plies;

    /// <inheritdoc />
    public bool IsLegal(in TicTacToeState state, int action) =>
        (uint)action < 9 && state.Winner < 0 && ((state.First | state.Second) & (1 << action)) == 0;

    /// <inheritdoc />
    public int LegalActions(in TicTacToeState state, Span<int> actions)
    {
        if (state.Winner >= 0) return 0;
        int free = ~(state.First | state.Second) & Full, n = 0;
        while (free != 0)
        {
            actions[n++] = BitOperations.TrailingZeroCount(free);
            free &= free - 1;
        }
        return n;
    }

    /// <inheritdoc />
    public TicTacToeState Play(in TicTacToeState state, int action)
    {
        ushort bit = (ushort)(1 << action);
        bool first = (state.Plies & 1) == 0;
        ushort mine = (ushort)((first ? state.First : state.Second) | bit);
        sbyte winner = -1;
        foreach (var line in Lines)
        {
            if ((mine & line) == line)
            {
                winner = (sbyte)(first ? 0 : 1);
                break;
            }
        }
        return first
            ? new TicTacToeState(mine, state.Second, winner, (byte)(state.Plies + 1))
            : new TicTacToeState(state.First, mine, winner, (byte)(state.Plies + 1));
    }

    /// <inheritdoc />
    public bool Completes(in TicTacToeState state, int action, int player)
    {
        int mine = (player == 0 ? state.First : state.Second) | (1 << action);
        foreach (var line in Lines)
            if ((line & (1 << action)) != 0 && (mine & line) == line) return true;
        return false;
    }

    /// <inheritdoc />
    public bool IsOver(in TicTacToeState state) => state.Winner >= 0 || state.Plies == 9;

    /// <inheritdoc />
    public int Winner(in TicTacToeState state) => state.Winner;

    /// <inheritdoc />
    public int Cell(in TicTacToeState state, int row, int column)
    {
        int bit = 1 << (row * 3 + column);
        return (state.First & bit) != 0 ? 0 : (state.Second & bit) != 0 ? 1 : -1;
    }

    /// <inheritdoc />
    public void Encode(in TicTacToeState state, Span<float> features)
    {
        bool first = (state.Plies & 1) == 0;
        int mine = first ? state.First : state.Second, theirs = first ? state.Second : state.First;
        for (int c = 0; c < 9; c++)
        {
            features[2 * c] = (mine >> c) & 1;
            features[2 * c + 1] = (theirs >> c) & 1;
        }
    }

    /// <inheritdoc />
    public double Heuristic(in TicTacToeState state) => 0;

    /// <summary>Parses a board written row by row with <c>X</c>, <c>O</c> and <c>.</c> (rows separated by '/'), e.g. <c>X.O/.X./..O</c>.</summary>
    public static TicTacToeState Parse(string board)
    {
        var rules = new TicTacToeRules();
        var s = rules.Initial;
        var cells = board.Replace("/", "", StringComparison.Ordinal);
        if (cells.Length != 9) throw new FormatException($"A tic-tac-toe board has 9 cells; '{board}' has {cells.Length}.");
        ushort x = 0, o = 0;
        for (int c = 0; c < 9; c++)
        {
            if (cells[c] is 'X' or 'x') x |= (ushort)(1 << c);
            else if (cells[c] is 'O' or 'o') o |= (ushort)(1 << c);
            else if (cells[c] != '.') throw new FormatException($"Cell '{cells[c]}' is not X, O or '.'.");
        }
        int plies = BitOperations.PopCount(x) + BitOperations.PopCount(o);
        sbyte winner = -1;
        foreach (var line in Lines)
        {
            if ((x & line) == line) winner = 0;
            else if ((o & line) == line) winner = 1;
        }
        return s with { First = x, Second = o, Plies = (byte)plies, Winner = winner };
    }
}
