using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Grid;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.FrozenLake;

/// <summary>
/// FrozenLake: walk across a frozen lake from the start to the goal without falling through a hole; the ice is
/// slippery, so a move may go sideways (Gymnasium's <c>FrozenLake-v1</c>, same map, numbering and model).
/// <para><b>Description.</b> The agent starts at the top-left <c>S</c> of a grid and must reach the <c>G</c>
/// (bottom-right in the shipped maps). <c>F</c> cells are frozen and safe, <c>H</c> cells are holes. Moving off
/// the grid leaves the agent where it was.</para>
/// <para><b>Action space.</b> <c>Discrete(4)</c>: 0 left, 1 down, 2 right, 3 up.</para>
/// <para><b>Observation space.</b> <c>Discrete(rows·columns)</c>: the agent's cell as <c>row · columns + column</c>
/// (the goal of the 4x4 map is 15, of the 8x8 map 63).</para>
/// <para><b>Rewards.</b> <c>reward_schedule</c> (default 1, 0, 0): 1 for reaching the goal, 0 for a hole, 0 for
/// a frozen cell (the start counts as frozen).</para>
/// <para><b>Starting state.</b> The <c>S</c> cell (state 0 in the shipped maps).</para>
/// <para><b>Episode end.</b> Terminates on entering a hole or the goal. Truncated by the registry's time limit:
/// 100 steps for <c>FrozenLake-v1</c>, 200 for <c>FrozenLake8x8-v1</c>.</para>
/// <para><b>Arguments.</b> <c>map_name</c> (<c>4x4</c>, <c>8x8</c> or <c>random</c>), <c>desc</c> (a custom map, rows
/// separated by '/' or ',', e.g. <c>SFFF/FHFH/FFFH/HFFG</c>; wins over <c>map_name</c>), <c>is_slippery</c>
/// (default true: the intended direction with probability <c>success_rate</c>, default 1/3, each perpendicular
/// direction with half the rest), <c>success_rate</c>, <c>reward_schedule</c> (goal,hole,frozen), and for
/// <c>map_name=random</c> the map's <c>map_size</c> (8), <c>map_p</c> (0.8, probability a cell is frozen) and
/// <c>map_seed</c> (0; the same seed gives the same map, unlike Gymnasium's unseeded default).</para>
/// <para><b>Model.</b> As Gymnasium's <c>P</c>: a slippery move lists its three directions as three outcomes even
/// when two of them end in the same cell (against a wall); holes and the goal loop onto themselves with reward 0.
/// Gymnasium's <c>info["prob"]</c> is not reported (steps return an empty info).</para>
/// <para><b>Version history.</b> v1: Gymnasium's current version (reward fixes; <c>success_rate</c> and
/// <c>reward_schedule</c> added in Gymnasium 1.1). v0: initial release.</para>
/// </summary>
public sealed class FrozenLakeEnv : TabularEnv
{
    private static readonly string[] s_actionNames = ["left", "down", "right", "up"];
    private static readonly (int Dr, int Dc)[] s_moves = [(0, -1), (1, 0), (0, 1), (-1, 0)];

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("map_name", "4x4", "map to load: 4x4, 8x8 or random (see map_size, map_p, map_seed)"),
        new("desc", "", "custom map, rows separated by '/' or ',' (e.g. SFFF/FHFH/FFFH/HFFG); wins over map_name"),
        new("is_slippery", "true", "if true a move goes the intended way with probability success_rate, else sideways"),
        new("success_rate", "0.3333333333333333", "probability of moving the intended way when slippery"),
        new("reward_schedule", "1,0,0", "rewards for reaching goal, hole, frozen cell"),
        new("map_size", "8", "side of a random map (map_name=random)"),
        new("map_p", "0.8", "probability that a cell of a random map is frozen"),
        new("map_seed", "0", "seed of the random map"),
    ];

    private readonly GridMap _map;

    /// <summary>Creates the environment on a shipped map (<c>4x4</c> or <c>8x8</c>).</summary>
    public FrozenLakeEnv(string mapName = "4x4", bool isSlippery = true)
        : this(ParseMap(string.Join('/', FrozenLakeMaps.Named(mapName)
            ?? throw new UserInputException($"unknown FrozenLake map '{mapName}'; allowed: 4x4, 8x8")), "map_name"), isSlippery)
    {
    }

    /// <summary>Creates the environment on <paramref name="map"/> (checked with <see cref="ParseMap"/>).</summary>
    /// <param name="map">The lake.</param>
    /// <param name="isSlippery">Whether moves may slip sideways.</param>
    /// <param name="successRate">Probability of moving the intended way when slippery.</param>
    /// <param name="goalReward">Reward for reaching the goal.</param>
    /// <param name="holeReward">Reward for falling into a hole.</param>
    /// <param name="frozenReward">Reward for reaching a frozen cell (or the start).</param>
    public FrozenLakeEnv(GridMap map, bool isSlippery = true, double successRate = 1.0 / 3.0,
        double goalReward = 1, double holeReward = 0, double frozenReward = 0)
        : base(map.Rows * map.Columns, 4)
    {
        CheckMap(map);
        if (successRate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(successRate), successRate, "Must be in [0, 1].");
        _map = map;
        IsSlippery = isSlippery;
        SuccessRate = successRate;
        double failRate = (1.0 - successRate) / 2.0;
        int rows = map.Rows, cols = map.Columns;

        Outcome MoveOutcome(double p, int row, int col, int direction)
        {
            var (dr, dc) = s_moves[direction];
            int nr = Math.Clamp(row + dr, 0, rows - 1), nc = Math.Clamp(col + dc, 0, cols - 1);
            char letter = map[nr, nc];
            double reward = letter switch { 'G' => goalReward, 'H' => holeReward, _ => frozenReward };
            return new Outcome(p, nr * cols + nc, reward, letter is 'G' or 'H');
        }

        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                int s = r * cols + c;
                if (map[r, c] is 'G' or 'H')
                {
                    SetTerminal(s);
                    continue;
                }
                for (int a = 0; a < 4; a++)
                {
                    if (isSlippery)
                        SetOutcomes(s, a,
                            MoveOutcome(failRate, r, c, (a + 3) % 4),
                            MoveOutcome(successRate, r, c, a),
                            MoveOutcome(failRate, r, c, (a + 1) % 4));
                    else
                        SetOutcomes(s, a, MoveOutcome(1.0, r, c, a));
                }
            }
        var start = map.FindSingle('S', "start");
        SetStartStates(start.Row * cols + start.Column);
    }

    /// <summary>Builds the environment from Gymnasium's option names (see <see cref="OptionInfos"/>).</summary>
    public static FrozenLakeEnv FromOptions(EnvOptions options)
    {
        var mapName = options.GetChoice("map_name", "4x4", "4x4", "8x8", "random");
        var desc = options.GetString("desc");
        bool slippery = options.GetBool("is_slippery", true);
        double successRate = options.GetDouble("success_rate", 1.0 / 3.0, 0, 1);
        var schedule = OptionLists.GetNumbers(options, "reward_schedule", "1,0,0") ?? [1, 0, 0];
        if (schedule.Length != 3)
            throw new UserInputException($"option reward_schedule has {schedule.Length} numbers; give three: goal,hole,frozen (e.g. 1,0,0)");
        int size = options.GetInt("map_size", 8, 2, 1000);
        double p = options.GetDouble("map_p", 0.8, 0.01, 1);
        long seed = options.GetInt("map_seed", 0);

        GridMap map = !string.IsNullOrWhiteSpace(desc)
            ? ParseMap(desc, "desc")
            : ParseMap(string.Join('/', mapName == "random"
                ? FrozenLakeMaps.GenerateRandom(size, p, seed)
                : FrozenLakeMaps.Named(mapName)!), "map_name");
        return new FrozenLakeEnv(map, slippery, successRate, schedule[0], schedule[1], schedule[2]);
    }

    /// <summary>
    /// Reads a FrozenLake map: only S, F, H and G, rectangular, exactly one S, at least one G that a path of frozen
    /// cells joins to S (found by breadth-first search). Mistakes are
    /// <see cref="UserInputException"/>s naming line and column.
    /// </summary>
    public static GridMap ParseMap(string text, string source = "desc")
    {
        var map = GridMap.Parse(text, "SFHG", source);
        CheckMap(map);
        return map;
    }

    private static void CheckMap(GridMap map)
    {
        var start = map.FindSingle('S', "start");
        if (map.FindAll('G').Count == 0)
            throw new UserInputException($"{map.Source} has no goal 'G'; put at least one 'G' in the map");
        // Every episode on such a map would end in a hole or the time limit: nothing could be learned.
        if (!map.Reaches(start.Row, start.Column, ch => ch == 'G', ch => ch != 'H'))
            throw new UserInputException(
                $"{map.Source} {map.OneLine()}: no goal 'G' can be reached from the start 'S' (holes 'H' block every path); open a path of 'F' cells");
    }

    /// <summary>The lake.</summary>
    public GridMap Map => _map;

    /// <summary>Whether moves may slip sideways.</summary>
    public bool IsSlippery { get; }

    /// <summary>Probability of moving the intended way when slippery.</summary>
    public double SuccessRate { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => _map.Rows;

    /// <inheritdoc />
    public override int Columns => _map.Columns;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) => _map[row, column] switch
    {
        'S' => CellKind.Start,
        'G' => CellKind.Goal,
        'H' => CellKind.Hazard,
        _ => CellKind.Floor,
    };

    /// <inheritdoc />
    public override char CharAt(int row, int column) => _map[row, column];

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (state / _map.Columns, state % _map.Columns);
}
