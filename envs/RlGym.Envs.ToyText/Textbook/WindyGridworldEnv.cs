using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Textbook;

/// <summary>
/// Windy Gridworld: reach the goal across a crosswind that pushes the agent up (Sutton and Barto, 2nd ed.,
/// Example 6.5; with Exercises 6.9 and 6.10 as options).
/// <para><b>Description.</b> A 7×10 grid, start (3, 0), goal (3, 7). Each column has an upward wind
/// 0 0 0 1 1 1 2 2 1 0: after a move the agent is shifted up by the wind of the column it moved from. The move and
/// the wind are added first and the result is kept inside the grid, as in the book's reference code.</para>
/// <para><b>Action space.</b> <c>Discrete(4)</c>: 0 up, 1 right, 2 down, 3 left. With <c>king_moves</c>,
/// <c>Discrete(8)</c>: also 4 up-right, 5 down-right, 6 down-left, 7 up-left (Exercise 6.9).</para>
/// <para><b>Observation space.</b> <c>Discrete(70)</c>: <c>row · 10 + column</c>; start 30, goal 37.</para>
/// <para><b>Rewards.</b> −1 per step until the goal is reached.</para>
/// <para><b>Starting state.</b> 30, cell (3, 0).</para>
/// <para><b>Episode end.</b> Terminates at the goal. The registry truncates after 10 000 steps, a safety net for
/// greedy policies that loop (Sarsa's first episode takes about 2 000 steps).</para>
/// <para><b>Arguments.</b> <c>king_moves</c> (default false, Exercise 6.9), <c>stochastic_wind</c> (default false,
/// Exercise 6.10: in a windy column the push is the column's wind, one more, or one less, 1/3 each).</para>
/// <para><b>Version history.</b> v0: initial version.</para>
/// </summary>
public sealed class WindyGridworldEnv : TabularEnv
{
    /// <summary>Rows of the grid.</summary>
    public const int GridRows = 7;

    /// <summary>Columns of the grid.</summary>
    public const int GridColumns = 10;

    /// <summary>The start state, cell (3, 0).</summary>
    public const int StartState = 30;

    /// <summary>The goal state, cell (3, 7).</summary>
    public const int GoalState = 37;

    /// <summary>The book's upward wind of each column.</summary>
    public static IReadOnlyList<int> Wind { get; } = [0, 0, 0, 1, 1, 1, 2, 2, 1, 0];

    private static readonly string[] s_names4 = ["up", "right", "down", "left"];
    private static readonly string[] s_names8 = ["up", "right", "down", "left", "up-right", "down-right", "down-left", "up-left"];
    private static readonly (int Dr, int Dc)[] s_moves = [(-1, 0), (0, 1), (1, 0), (0, -1), (-1, 1), (1, 1), (1, -1), (-1, -1)];

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("king_moves", "false", "eight actions including diagonals (Exercise 6.9)"),
        new("stochastic_wind", "false", "windy columns push by wind-1, wind or wind+1, 1/3 each (Exercise 6.10)"),
    ];

    /// <summary>Creates the environment.</summary>
    public WindyGridworldEnv(bool kingMoves = false, bool stochasticWind = false) : base(GridRows * GridColumns, kingMoves ? 8 : 4)
    {
        KingMoves = kingMoves;
        StochasticWind = stochasticWind;
        for (int s = 0; s < StateCount; s++)
        {
            if (s == GoalState)
            {
                SetTerminal(s);
                continue;
            }
            int row = s / GridColumns, col = s % GridColumns;
            int wind = Wind[col];
            for (int a = 0; a < ActionCount; a++)
                SetOutcomes(s, a, stochasticWind && wind > 0
                    ? [Move(1.0 / 3, row, col, a, wind - 1), Move(1.0 / 3, row, col, a, wind), Move(1.0 / 3, row, col, a, wind + 1)]
                    : [Move(1.0, row, col, a, wind)]);
        }
        SetStartStates(StartState);
    }

    private static Outcome Move(double p, int row, int col, int action, int wind)
    {
        var (dr, dc) = s_moves[action];
        int nr = Math.Clamp(row + dr - wind, 0, GridRows - 1), nc = Math.Clamp(col + dc, 0, GridColumns - 1);
        int next = nr * GridColumns + nc;
        return new Outcome(p, next, -1, next == GoalState);
    }

    /// <summary>Builds the environment from its options (see <see cref="OptionInfos"/>).</summary>
    public static WindyGridworldEnv FromOptions(EnvOptions options) =>
        new(options.GetBool("king_moves", false), options.GetBool("stochastic_wind", false));

    /// <summary>Whether the eight king's moves are available.</summary>
    public bool KingMoves { get; }

    /// <summary>Whether the wind varies by one around its mean.</summary>
    public bool StochasticWind { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => KingMoves ? s_names8 : s_names4;

    /// <inheritdoc />
    public override int Rows => GridRows;

    /// <inheritdoc />
    public override int Columns => GridColumns;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) => (row * GridColumns + column) switch
    {
        StartState => CellKind.Start,
        GoalState => CellKind.Goal,
        _ => CellKind.Floor,
    };

    /// <summary>'S', 'G', or the column's wind as a digit.</summary>
    public override char CharAt(int row, int column) => CellAt(row, column) switch
    {
        CellKind.Start => 'S',
        CellKind.Goal => 'G',
        _ => (char)('0' + Wind[column]),
    };

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (state / GridColumns, state % GridColumns);
}
