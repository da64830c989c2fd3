using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Taxi;

/// <summary>
/// Taxi: drive to the passenger, pick them up, drive to their destination and drop them off
/// (Dietterich's Taxi domain; Gymnasium's <c>Taxi-v3</c>, same map, state numbering and model).
/// <para><b>Description.</b> A 5×5 grid with walls and four stands, R (0, 0), G (0, 4), Y (4, 0) and B (4, 3):
/// <code>
/// +---------+
/// |R: | : :G|
/// | : | : : |
/// | : : : : |
/// | | : | : |
/// |Y| : |B: |
/// +---------+
/// </code>
/// A '|' is a wall the taxi cannot cross east or west; moving into a wall or off the grid leaves it in place.</para>
/// <para><b>Action space.</b> <c>Discrete(6)</c>: 0 south (down), 1 north (up), 2 east (right), 3 west (left),
/// 4 pick up, 5 drop off.</para>
/// <para><b>Observation space.</b> <c>Discrete(500)</c>: <c>((taxi_row · 5 + taxi_col) · 5 + passenger) · 4 +
/// destination</c>, passenger 0..3 at stand R, G, Y, B or 4 in the taxi, destination 0..3 (see <see cref="Encode"/>
/// and <see cref="Decode"/>).</para>
/// <para><b>Rewards.</b> −1 per step, +20 for delivering the passenger, −10 for picking up or dropping off where
/// that is not allowed. Dropping the passenger at another stand is allowed (−1) and leaves them there.</para>
/// <para><b>Starting state.</b> Uniform over the 300 states with the passenger at a stand that is not their
/// destination (25 taxi cells × 4 stands × 3 destinations).</para>
/// <para><b>Episode end.</b> Terminates when the passenger is delivered. Truncated after 200 steps by the
/// registry's time limit.</para>
/// <para><b>Arguments.</b> None. Gymnasium 1.2's <c>is_rainy</c> and <c>fickle_passenger</c> are not implemented.</para>
/// <para><b>Model.</b> As Gymnasium's <c>P</c>, except that states with the passenger at their destination (reached
/// only by a delivery) are terminal and loop onto themselves with reward 0. Steps return an empty info:
/// Gymnasium's <c>info["prob"]</c> and <c>info["action_mask"]</c> are not reported.</para>
/// <para><b>Version history.</b> v3: map correction and cleaner description. v2: no start with the passenger at their
/// destination; reward threshold updated. v1: removed (3, 2) from the stands. v0: initial release.</para>
/// </summary>
public sealed class TaxiEnv : TabularEnv
{
    /// <summary>Gymnasium's map: walls are '|', passages ':'.</summary>
    public static IReadOnlyList<string> Map { get; } =
    [
        "+---------+",
        "|R: | : :G|",
        "| : | : : |",
        "| : : : : |",
        "| | : | : |",
        "|Y| : |B: |",
        "+---------+",
    ];

    /// <summary>The four stands R, G, Y, B as (row, column).</summary>
    public static IReadOnlyList<(int Row, int Column)> Locations { get; } = [(0, 0), (0, 4), (4, 0), (4, 3)];

    /// <summary>The passenger index meaning "in the taxi".</summary>
    public const int InTaxi = 4;

    private static readonly string[] s_actionNames = ["south", "north", "east", "west", "pickup", "dropoff"];
    private const string StandLetters = "RGYB";

    /// <summary>The options <see cref="FromOptions"/> reads (none).</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [];

    /// <summary>Creates the environment.</summary>
    public TaxiEnv() : base(500, 6)
    {
        var starts = new List<int>();
        for (int row = 0; row < 5; row++)
            for (int col = 0; col < 5; col++)
                for (int pass = 0; pass < 5; pass++)
                    for (int dest = 0; dest < 4; dest++)
                    {
                        int s = Encode(row, col, pass, dest);
                        if (pass == dest)
                        {
                            SetTerminal(s);
                            continue;
                        }
                        if (pass < InTaxi) starts.Add(s);
                        for (int a = 0; a < 6; a++) SetOutcomes(s, a, Transition(row, col, pass, dest, a));
                    }
        SetStartStates([.. starts]);
    }

    private static Outcome Transition(int row, int col, int pass, int dest, int action)
    {
        int newRow = row, newCol = col, newPass = pass;
        double reward = -1;
        bool terminated = false;
        int stand = IndexOfStand(row, col);
        switch (action)
        {
            case 0: newRow = Math.Min(row + 1, 4); break;
            case 1: newRow = Math.Max(row - 1, 0); break;
            case 2: if (Map[1 + row][2 * col + 2] == ':') newCol = col + 1; break;
            case 3: if (Map[1 + row][2 * col] == ':') newCol = col - 1; break;
            case 4:
                if (pass < InTaxi && stand == pass) newPass = InTaxi;
                else reward = -10;
                break;
            case 5:
                if (pass == InTaxi && stand == dest)
                {
                    newPass = dest;
                    reward = 20;
                    terminated = true;
                }
                else if (pass == InTaxi && stand >= 0) newPass = stand;
                else reward = -10;
                break;
        }
        return new Outcome(1.0, Encode(newRow, newCol, newPass, dest), reward, terminated);
    }

    private static int IndexOfStand(int row, int col)
    {
        for (int i = 0; i < Locations.Count; i++)
            if (Locations[i] == (row, col)) return i;
        return -1;
    }

    /// <summary>The state number of (taxi row, taxi column, passenger 0..4, destination 0..3).</summary>
    public static int Encode(int taxiRow, int taxiColumn, int passenger, int destination)
    {
        if ((uint)taxiRow > 4 || (uint)taxiColumn > 4 || (uint)passenger > 4 || (uint)destination > 3)
            throw new ArgumentOutOfRangeException(nameof(taxiRow),
                $"Taxi state ({taxiRow}, {taxiColumn}, {passenger}, {destination}) is outside rows 0-4, columns 0-4, passenger 0-4, destination 0-3.");
        return ((taxiRow * 5 + taxiColumn) * 5 + passenger) * 4 + destination;
    }

    /// <summary>The parts of a state number.</summary>
    public static (int TaxiRow, int TaxiColumn, int Passenger, int Destination) Decode(int state)
    {
        if ((uint)state >= 500) throw new ArgumentOutOfRangeException(nameof(state), state, "Taxi states are 0 to 499.");
        int destination = state % 4;
        state /= 4;
        int passenger = state % 5;
        state /= 5;
        return (state / 5, state % 5, passenger, destination);
    }

    /// <summary>Builds the environment (Taxi takes no options).</summary>
    public static TaxiEnv FromOptions(EnvOptions options) => new();

    /// <summary>True when a wall or the grid's edge stops the taxi moving east from (row, column).</summary>
    public static bool WallEastOf(int row, int column) => Map[1 + row][2 * column + 2] != ':';

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => 5;

    /// <inheritdoc />
    public override int Columns => 5;

    /// <summary>Stands are drawn as goals, every other cell as floor; walls lie between cells (see <see cref="WallEastOf"/>).</summary>
    public override CellKind CellAt(int row, int column) => IndexOfStand(row, column) >= 0 ? CellKind.Goal : CellKind.Floor;

    /// <summary>The stand's letter (R, G, Y, B) or '.'.</summary>
    public override char CharAt(int row, int column) => IndexOfStand(row, column) is var i and >= 0 ? StandLetters[i] : '.';

    /// <summary>The taxi's cell.</summary>
    public override (int Row, int Column) CellOf(int state)
    {
        var (r, c, _, _) = Decode(state);
        return (r, c);
    }
}
