using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.CliffWalking;

/// <summary>
/// CliffWalking: cross a 4×12 grid from the bottom-left start to the bottom-right goal along the edge of a cliff
/// (Sutton and Barto's Example 6.6; Gymnasium's <c>CliffWalking-v1</c>, same numbering and model).
/// <para><b>Description.</b> The start is (3, 0), the goal (3, 11), and the cliff runs along (3, 1..10). Stepping
/// into the cliff sends the agent back to the start; moving off the grid leaves it where it was.</para>
/// <para><b>Action space.</b> <c>Discrete(4)</c>: 0 up, 1 right, 2 down, 3 left.</para>
/// <para><b>Observation space.</b> <c>Discrete(48)</c>: <c>row · 12 + column</c>; the start is 36, the goal 47.
/// The agent is never observed on a cliff cell (37..46).</para>
/// <para><b>Rewards.</b> −1 per step, −100 for stepping into the cliff (instead of −1).</para>
/// <para><b>Starting state.</b> 36, cell (3, 0).</para>
/// <para><b>Episode end.</b> Terminates on reaching the goal (47). Falling into the cliff does not end the
/// episode. No time limit (as Gymnasium).</para>
/// <para><b>Arguments.</b> <c>is_slippery</c> (default false): when true, the intended direction and each
/// perpendicular one happen with probability 1/3 each, as Gymnasium's slippery version
/// (<c>CliffWalkingSlippery-v1</c> registers it).</para>
/// <para><b>Model.</b> As Gymnasium's <c>P</c>, except that the goal is terminal here: it loops onto itself with
/// reward 0, where Gymnasium computes moves out of it (they are never taken). Steps return an empty info
/// (Gymnasium's <c>info["prob"]</c> is not reported).</para>
/// <para><b>Version history.</b> v1: adds <c>is_slippery</c> (Gymnasium 1.2). v0: initial release.</para>
/// </summary>
public sealed class CliffWalkingEnv : TabularEnv
{
    /// <summary>Rows of the grid.</summary>
    public const int GridRows = 4;

    /// <summary>Columns of the grid.</summary>
    public const int GridColumns = 12;

    /// <summary>The start state, cell (3, 0).</summary>
    public const int StartState = 36;

    /// <summary>The goal state, cell (3, 11).</summary>
    public const int GoalState = 47;

    private static readonly string[] s_actionNames = ["up", "right", "down", "left"];
    private static readonly (int Dr, int Dc)[] s_moves = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("is_slippery", "false", "if true a move goes the intended way or either perpendicular way, 1/3 each"),
    ];

    /// <summary>Creates the environment.</summary>
    public CliffWalkingEnv(bool isSlippery = false) : base(GridRows * GridColumns, 4)
    {
        IsSlippery = isSlippery;
        for (int s = 0; s < StateCount; s++)
        {
            if (s == GoalState)
            {
                SetTerminal(s);
                continue;
            }
            int row = s / GridColumns, col = s % GridColumns;
            for (int a = 0; a < 4; a++)
                SetOutcomes(s, a, isSlippery
                    ? [Move(1.0 / 3, row, col, (a + 3) % 4), Move(1.0 / 3, row, col, a), Move(1.0 / 3, row, col, (a + 1) % 4)]
                    : [Move(1.0, row, col, a)]);
        }
        SetStartStates(StartState);
    }

    private static Outcome Move(double p, int row, int col, int direction)
    {
        var (dr, dc) = s_moves[direction];
        int nr = Math.Clamp(row + dr, 0, GridRows - 1), nc = Math.Clamp(col + dc, 0, GridColumns - 1);
        if (IsCliff(nr, nc)) return new Outcome(p, StartState, -100, false);
        int next = nr * GridColumns + nc;
        return new Outcome(p, next, -1, next == GoalState);
    }

    private static bool IsCliff(int row, int col) => row == GridRows - 1 && col >= 1 && col <= GridColumns - 2;

    /// <summary>Builds the environment from Gymnasium's option names (see <see cref="OptionInfos"/>).</summary>
    public static CliffWalkingEnv FromOptions(EnvOptions options) => new(options.GetBool("is_slippery", false));

    /// <summary>Whether moves may slip sideways.</summary>
    public bool IsSlippery { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => GridRows;

    /// <inheritdoc />
    public override int Columns => GridColumns;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) =>
        IsCliff(row, column) ? CellKind.Hazard
        : row * GridColumns + column == StartState ? CellKind.Start
        : row * GridColumns + column == GoalState ? CellKind.Goal
        : CellKind.Floor;

    /// <inheritdoc />
    public override char CharAt(int row, int column) => CellAt(row, column) switch
    {
        CellKind.Hazard => 'C',
        CellKind.Start => 'S',
        CellKind.Goal => 'G',
        _ => '.',
    };

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (state / GridColumns, state % GridColumns);
}
