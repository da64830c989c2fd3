using System.Numerics;
using RlGym.Core.MultiAgent;

namespace RlGym.Envs.Games.ConnectFour;

/// <summary>
/// The rules of Connect Four on the standard board of 6 rows and 7 columns: a disc dropped into a column falls to
/// the lowest empty cell; four of one's discs in a row, a column or a diagonal win.
/// </summary>
public readonly struct ConnectFourRules : IGameRules<ConnectFourState>
{
    /// <summary>Rows of the board.</summary>
    public const int Height = 6;

    /// <summary>Columns of the board.</summary>
    public const int Width = 7;

    private const int Stride = Height + 1;
    private static readonly ulong[] s_windows = Windows();

    /// <inheritdoc />
    public string Name => "connect-four";

    /// <inheritdoc />
    public int ActionCount => Width;

    /// <inheritdoc />
    public int Rows => Height;

    /// <inheritdoc />
    public int Columns => Width;

    /// <inheritdoc />
    public ConnectFourState Initial => new(0, 0, -1, 0);

    /// <inheritdoc />
    public int ToMove(in ConnectFourState state) => state.Plies & 1;

    /// <inheritdoc />
    public int Plies(in ConnectFourState state) => state.Plies;

    /// <inheritdoc />
    public bool IsLegal(in ConnectFourState state, int action) =>
        (uint)action < Width && state.Winner < 0 && ((state.First | state.Second) & Top(action)) == 0;

    /// <inheritdoc />
    public int LegalActions(in ConnectFourState state, Span<int> actions)
    {
        if (state.Winner >= 0) return 0;
        ulong mask = state.First | state.Second;
        int n = 0;
        for (int c = 0; c < Width; c++)
            if ((mask & Top(c)) == 0) actions[n++] = c;
        return n;
    }

    /// <inheritdoc />
    public ConnectFourState Play(in ConnectFourState state, int action)
    {
        ulong mask = state.First | state.Second;
        ulong bit = (mask + Bottom(action)) & Column(action);
        bool first = (state.Plies & 1) == 0;
        ulong mine = (first ? state.First : state.Second) | bit;
        sbyte winner = HasFour(mine) ? (sbyte)(first ? 0 : 1) : (sbyte)-1;
        return first
            ? new ConnectFourState(mine, state.Second, winner, (byte)(state.Plies + 1))
            : new ConnectFourState(state.First, mine, winner, (byte)(state.Plies + 1));
    }

    /// <inheritdoc />
    public bool Completes(in ConnectFourState state, int action, int player)
    {
        ulong bit = ((state.First | state.Second) + Bottom(action)) & Column(action);
        return HasFour((player == 0 ? state.First : state.Second) | bit);
    }

    /// <inheritdoc />
    public bool IsOver(in ConnectFourState state) => state.Winner >= 0 || state.Plies == Width * Height;

    /// <inheritdoc />
    public int Winner(in ConnectFourState state) => state.Winner;

    /// <inheritdoc />
    public int Cell(in ConnectFourState state, int row, int column)
    {
        ulong bit = 1UL << (column * Stride + (Height - 1 - row));
        return (state.First & bit) != 0 ? 0 : (state.Second & bit) != 0 ? 1 : -1;
    }

    /// <inheritdoc />
    public void Encode(in ConnectFourState state, Span<float> features)
    {
        bool first = (state.Plies & 1) == 0;
        ulong mine = first ? state.First : state.Second, theirs = first ? state.Second : state.First;
        int i = 0;
        for (int row = 0; row < Height; row++)
        {
            for (int column = 0; column < Width; column++)
            {
                int bit = column * Stride + (Height - 1 - row);
                features[i++] = (mine >> bit) & 1;
                features[i++] = (theirs >> bit) & 1;
            }
        }
    }

    /// <summary>
    /// Counts the open windows of four cells: a window holding only the mover's discs scores 1 for two and 4 for three,
    /// the opponent's count against; a disc in the centre column scores 1. Squashed to (−0.9, 0.9) by tanh.
    /// </summary>
    public double Heuristic(in ConnectFourState state)
    {
        bool first = (state.Plies & 1) == 0;
        ulong mine = first ? state.First : state.Second, theirs = first ? state.Second : state.First;
        int score = 0;
        foreach (var w in s_windows)
        {
            int m = BitOperations.PopCount(w & mine), o = BitOperations.PopCount(w & theirs);
            if (o == 0) score += m == 3 ? 4 : m == 2 ? 1 : 0;
            else if (m == 0) score -= o == 3 ? 4 : o == 2 ? 1 : 0;
        }
        ulong centre = Column(Width / 2);
        score += BitOperations.PopCount(mine & centre) - BitOperations.PopCount(theirs & centre);
        return 0.9 * Math.Tanh(score / 16.0);
    }

    /// <summary>Parses a board written top row first with <c>X</c> (player 0), <c>O</c> and <c>.</c>, rows separated by '/'.</summary>
    public static ConnectFourState Parse(string board)
    {
        var rows = board.Split('/');
        if (rows.Length != Height || rows.Any(r => r.Length != Width))
            throw new FormatException($"A Connect Four board has {Height} rows of {Width} cells.");
        ulong x = 0, o = 0;
        for (int row = 0; row < Height; row++)
            for (int column = 0; column < Width; column++)
            {
                ulong bit = 1UL << (column * Stride + (Height - 1 - row));
                if (rows[row][column] is 'X' or 'x') x |= bit;
                else if (rows[row][column] is 'O' or 'o') o |= bit;
            }
        int plies = BitOperations.PopCount(x) + BitOperations.PopCount(o);
        sbyte winner = HasFour(x) ? (sbyte)0 : HasFour(o) ? (sbyte)1 : (sbyte)-1;
        return new ConnectFourState(x, o, winner, (byte)plies);
    }

    private static ulong Top(int column) => 1UL << (column * Stride + Height - 1);

    private static ulong Bottom(int column) => 1UL << (column * Stride);

    private static ulong Column(int column) => ((1UL << Height) - 1) << (column * Stride);

    private static bool HasFour(ulong p)
    {
        // Shifts 1 (vertical), 7 (horizontal), 6 and 8 (the diagonals); the sentinel row keeps lines from wrapping.
        ulong m = p & (p >> 1);
        if ((m & (m >> 2)) != 0) return true;
        m = p & (p >> Stride);
        if ((m & (m >> (2 * Stride))) != 0) return true;
        m = p & (p >> (Stride - 1));
        if ((m & (m >> (2 * (Stride - 1)))) != 0) return true;
        m = p & (p >> (Stride + 1));
        return (m & (m >> (2 * (Stride + 1)))) != 0;
    }

    private static ulong[] Windows()
    {
        var windows = new List<ulong>();
        (int Dc, int Dh)[] directions = [(1, 0), (0, 1), (1, 1), (1, -1)];
        for (int c = 0; c < Width; c++)
            for (int h = 0; h < Height; h++)
                foreach (var (dc, dh) in directions)
                {
                    int ec = c + 3 * dc, eh = h + 3 * dh;
                    if (ec < 0 || ec >= Width || eh < 0 || eh >= Height) continue;
                    ulong w = 0;
                    for (int k = 0; k < 4; k++) w |= 1UL << ((c + k * dc) * Stride + h + k * dh);
                    windows.Add(w);
                }
        return [.. windows];
    }
}
