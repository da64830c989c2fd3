using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Taxi;

/// <summary>
/// Taxi: drive to the passenger, pick them up, drive to their destination and drop them off
/// (Dietterich's Taxi domain; Gymnasium's <c>Taxi-v3</c> and <c>Taxi-v4</c>, same map, state numbering and model).
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
/// <para><b>Arguments</b> (<c>Taxi-v4</c> only, Gymnasium 1.3's). <c>is_rainy</c> (default false): a move goes the
/// intended way with probability <c>rainy_probability</c> (0.8) and to each side (left and right of the heading:
/// south → east and west, north → west and east, east → north and south, west → south and north) with
/// (1 − <c>rainy_probability</c>) / 2; a side move into a wall leaves the taxi in place, and when the intended move is
/// blocked the taxi does not drift either. Pick-up and drop-off stay deterministic. <c>fickle_passenger</c> (default
/// false): at each reset, with probability <c>fickle_probability</c> (0.3), the passenger will change their mind once:
/// on the first step that moves the taxi while they are in it, the destination becomes one of the other three
/// stands, uniformly. This change is not in the model (<see cref="ITabularModel"/> describes the passenger's
/// destination as fixed), as in Gymnasium's <c>P</c>.</para>
/// <para><b>Model.</b> As Gymnasium's <c>P</c>, except that states with the passenger at their destination (reached
/// only by a delivery) are terminal and loop onto themselves with reward 0. Steps return an empty info:
/// Gymnasium's <c>info["prob"]</c> and <c>info["action_mask"]</c> are not reported (<see cref="IActionMask"/>
/// offers the actions with a model instead: every one, as in <c>P</c>).</para>
/// <para><b>Version history.</b> v4: Gymnasium 1.3's fixed <c>is_rainy</c> and <c>fickle_passenger</c>, with
/// <c>rainy_probability</c> and <c>fickle_probability</c>. v3: map correction and cleaner description. v2: no start
/// with the passenger at their destination; reward threshold updated. v1: removed (3, 2) from the stands. v0: initial
/// release.</para>
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

    /// <summary>The options of <c>Taxi-v3</c> (none).</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [];

    /// <summary>The options of <c>Taxi-v4</c>, Gymnasium 1.3's.</summary>
    public static IReadOnlyList<EnvOptionInfo> V4OptionInfos { get; } =
    [
        new("is_rainy", "false", "moves go the intended way with probability rainy_probability, else to a side"),
        new("rainy_probability", "0.8", "probability of the intended move when rainy; each side gets half the rest"),
        new("fickle_passenger", "false", "the passenger may change destination on the first move after pick-up"),
        new("fickle_probability", "0.3", "probability, drawn at reset, that the passenger is fickle this episode"),
    ];

    // Forward, left and right of each heading (south, north, east, west), as (row, column) steps.
    private static readonly (int Row, int Column)[][] s_headings =
    [
        [(1, 0), (0, 1), (0, -1)],
        [(-1, 0), (0, -1), (0, 1)],
        [(0, 1), (-1, 0), (1, 0)],
        [(0, -1), (1, 0), (-1, 0)],
    ];

    private bool _fickleStep;

    /// <summary>Creates Taxi-v3, or Taxi-v4 with its options.</summary>
    /// <param name="isRainy">Moves may go to a side.</param>
    /// <param name="ficklePassenger">The passenger may change destination once per episode.</param>
    /// <param name="rainyProbability">Probability of the intended move when rainy.</param>
    /// <param name="fickleProbability">Probability that the passenger is fickle in an episode.</param>
    public TaxiEnv(bool isRainy = false, bool ficklePassenger = false, double rainyProbability = 0.8, double fickleProbability = 0.3)
        : base(500, 6)
    {
        if (rainyProbability is < 0 or > 1 || double.IsNaN(rainyProbability))
            throw new Core.Errors.UserInputException($"option rainy_probability={rainyProbability} is out of range; allowed: 0 to 1");
        if (fickleProbability is < 0 or > 1 || double.IsNaN(fickleProbability))
            throw new Core.Errors.UserInputException($"option fickle_probability={fickleProbability} is out of range; allowed: 0 to 1");
        IsRainy = isRainy;
        FicklePassenger = ficklePassenger;
        RainyProbability = rainyProbability;
        FickleProbability = fickleProbability;
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
                        for (int a = 0; a < 6; a++)
                            SetOutcomes(s, a, isRainy && a < 4 ? RainyMove(row, col, pass, dest, a) : [Transition(row, col, pass, dest, a)]);
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

    /// <summary>Moves the intended way, or to either side; a blocked intended move does not drift.</summary>
    private Outcome[] RainyMove(int row, int col, int pass, int dest, int action)
    {
        var (intended, left, right) = ((row, col), (row, col), (row, col));
        bool possible = action switch
        {
            0 => row < 4,
            1 => row > 0,
            2 => !WallEastOf(row, col),
            _ => col > 0 && !WallEastOf(row, col - 1),
        };
        if (possible)
        {
            var heading = s_headings[action];
            intended = (row + heading[0].Row, col + heading[0].Column);
            left = Neighbour(row, col, heading[1]);
            right = Neighbour(row, col, heading[2]);
        }
        double side = (1 - RainyProbability) / 2;
        return
        [
            new Outcome(RainyProbability, Encode(intended.Item1, intended.Item2, pass, dest), -1, false),
            new Outcome(side, Encode(left.Item1, left.Item2, pass, dest), -1, false),
            new Outcome(side, Encode(right.Item1, right.Item2, pass, dest), -1, false),
        ];
    }

    // One cell along (dr, dc), clamped to the grid; east and west stop at walls.
    private static (int, int) Neighbour(int row, int col, (int Row, int Column) d)
    {
        if (d.Column == 1) return WallEastOf(row, col) ? (row, col) : (row, col + 1);
        if (d.Column == -1) return col == 0 || WallEastOf(row, col - 1) ? (row, col) : (row, col - 1);
        return (Math.Clamp(row + d.Row, 0, 4), col);
    }

    /// <summary>Whether moves may go to a side (Taxi-v4's <c>is_rainy</c>).</summary>
    public bool IsRainy { get; }

    /// <summary>Whether the passenger may change destination (Taxi-v4's <c>fickle_passenger</c>).</summary>
    public bool FicklePassenger { get; }

    /// <summary>Probability of the intended move when rainy.</summary>
    public double RainyProbability { get; }

    /// <summary>Probability, drawn at each reset, that the passenger is fickle in the episode.</summary>
    public double FickleProbability { get; }

    /// <inheritdoc />
    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        var reset = base.Reset(seed, options);
        // Gymnasium draws this after the start state, from the same generator, even when it cannot matter.
        _fickleStep = FicklePassenger && Random.NextDouble() < FickleProbability;
        return reset;
    }

    /// <inheritdoc />
    public override StepResult<int> Step(int action)
    {
        int before = CurrentState;
        var result = base.Step(action);
        if (!_fickleStep || before < 0) return result;
        var (row0, col0, pass0, dest0) = Decode(before);
        var (row, col, pass, _) = Decode(result.Observation);
        if (pass0 != InTaxi || (row == row0 && col == col0)) return result;
        // The first move with the passenger aboard: they pick one of the other three stands.
        _fickleStep = false;
        int dest = Random.NextInt(3);
        if (dest >= dest0) dest++;
        int next = Encode(row, col, pass, dest);
        SetState(next);
        return result with { Observation = next };
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

    /// <summary>Builds Taxi-v3 (no options).</summary>
    public static TaxiEnv FromOptions(EnvOptions options) => new();

    /// <summary>Builds Taxi-v4 from Gymnasium's option names (see <see cref="V4OptionInfos"/>).</summary>
    public static TaxiEnv FromV4Options(EnvOptions options) => new(
        options.GetBool("is_rainy", false),
        options.GetBool("fickle_passenger", false),
        options.GetDouble("rainy_probability", 0.8, 0, 1),
        options.GetDouble("fickle_probability", 0.3, 0, 1));

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

    /// <inheritdoc />
    public override void WriteState(BinaryWriter writer)
    {
        base.WriteState(writer);
        writer.Write(_fickleStep);
    }

    /// <inheritdoc />
    public override void ReadState(BinaryReader reader)
    {
        base.ReadState(reader);
        _fickleStep = reader.ReadBoolean();
    }
}
