using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Grid;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.GridWorld;

/// <summary>
/// GridWorld: any grid-world drawn as text, with walls, goals, pits, slippery moves and wind (RlGym's own; not in
/// Gymnasium).
/// <para><b>Description.</b> The map's characters: <c>#</c> wall, <c>S</c> start (exactly one), <c>.</c> floor,
/// <c>G</c> goal (reward <c>goal_reward</c>), <c>1</c>–<c>9</c> goals worth that many points, <c>P</c> pit
/// (reward <c>pit_reward</c>). There must be at least one goal. Moving into a wall or off the grid leaves the
/// agent in place. With <c>slip</c> &gt; 0 the move goes sideways (each perpendicular direction with probability
/// <c>slip</c>/2). With <c>wind</c>, after the move the agent is pushed up by the wind of the column it moved
/// from (negative wind pushes down), cell by cell, stopping at walls and edges; where it ends decides the reward.</para>
/// <para><b>Action space.</b> <c>Discrete(4)</c>: 0 up, 1 right, 2 down, 3 left.</para>
/// <para><b>Observation space.</b> <c>Discrete(rows·columns)</c>: <c>row · columns + column</c>. Wall cells are
/// never occupied; their states are absorbing and terminal so the model is complete.</para>
/// <para><b>Rewards.</b> Every step gets <c>step_cost</c> (default 0; give a negative number for a cost), plus
/// <c>goal_reward</c> (default 1) or the digit on entering a goal, or <c>pit_reward</c> (default −1) on entering a pit.</para>
/// <para><b>Starting state.</b> The <c>S</c> cell.</para>
/// <para><b>Episode end.</b> Terminates on entering a goal or a pit. Truncated after 200 steps by the registry's
/// time limit.</para>
/// <para><b>Arguments.</b> One of <c>map</c> (the map's text, rows separated by new lines, '/' or ','),
/// <c>map_file</c> (a text file) or <c>map_name</c> (a shipped map, see <see cref="GridWorldMaps.Names"/>; default
/// <c>open-5x5</c>); <c>goal_reward</c>, <c>pit_reward</c>, <c>step_cost</c>, <c>slip</c> (0 to 1) and <c>wind</c>
/// (one integer per column, e.g. <c>0,0,0,1,1,1,2,2,1,0</c>).</para>
/// <para><b>Version history.</b> v0: initial version.</para>
/// </summary>
public sealed class GridWorldEnv : TabularEnv
{
    /// <summary>The characters a GridWorld map may hold.</summary>
    public const string MapCharacters = "#S.GP123456789";

    /// <summary>The map used when no map option is given.</summary>
    public const string DefaultMapName = "open-5x5";

    private static readonly string[] s_actionNames = ["up", "right", "down", "left"];
    private static readonly (int Dr, int Dc)[] s_moves = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("map_name", DefaultMapName, $"shipped map: {string.Join(", ", GridWorldMaps.Names)}"),
        new("map", "", "the map as text, rows separated by '/' or ',' (# wall, S start, . floor, G goal, 1-9 goal worth that much, P pit)"),
        new("map_file", "", "a text file holding the map, one row per line"),
        new("goal_reward", "1", "reward for entering a G cell"),
        new("pit_reward", "-1", "reward for entering a P cell (ends the episode)"),
        new("step_cost", "0", "reward added to every step (negative for a cost, e.g. -0.04)"),
        new("slip", "0", "probability that a move goes sideways (half to each side)"),
        new("wind", "", "upward push per column, one integer per column, e.g. 0,0,0,1,1,1,2,2,1,0"),
    ];

    private readonly GridMap _map;
    private readonly int[] _wind;

    /// <summary>Creates the environment on <paramref name="map"/> (checked as <see cref="ParseMap"/> does).</summary>
    /// <param name="map">The grid.</param>
    /// <param name="goalReward">Reward for entering a G cell.</param>
    /// <param name="pitReward">Reward for entering a pit.</param>
    /// <param name="stepCost">Reward added to every step.</param>
    /// <param name="slip">Probability that a move goes sideways.</param>
    /// <param name="wind">Upward push per column, or null for none.</param>
    public GridWorldEnv(GridMap map, double goalReward = 1, double pitReward = -1, double stepCost = 0, double slip = 0,
        IReadOnlyList<int>? wind = null)
        : base(map.Rows * map.Columns, 4)
    {
        CheckMap(map);
        if (slip is < 0 or > 1) throw new UserInputException($"option slip={slip} is out of range; allowed: 0 to 1");
        if (wind is not null && wind.Count != map.Columns)
            throw new UserInputException($"option wind has {wind.Count} numbers but the map has {map.Columns} columns; give one per column");
        CheckReachable(map, windy: wind is not null && wind.Any(w => w != 0));
        _map = map;
        _wind = wind?.ToArray() ?? new int[map.Columns];
        GoalReward = goalReward;
        PitReward = pitReward;
        StepCost = stepCost;
        Slip = slip;

        int cols = map.Columns;
        for (int r = 0; r < map.Rows; r++)
            for (int c = 0; c < cols; c++)
            {
                int s = r * cols + c;
                if (IsEnd(map[r, c]) || map[r, c] == '#')
                {
                    SetTerminal(s);
                    continue;
                }
                for (int a = 0; a < 4; a++)
                    SetOutcomes(s, a, slip == 0
                        ? [Move(1.0, r, c, a)]
                        : [Move(slip / 2, r, c, (a + 3) % 4), Move(1 - slip, r, c, a), Move(slip / 2, r, c, (a + 1) % 4)]);
            }
        var start = map.FindSingle('S', "start");
        SetStartStates(start.Row * cols + start.Column);
    }

    private static bool IsEnd(char ch) => ch is 'G' or 'P' or (>= '1' and <= '9');

    private bool Open(int row, int col) => row >= 0 && row < _map.Rows && col >= 0 && col < _map.Columns && _map[row, col] != '#';

    private Outcome Move(double p, int row, int col, int direction)
    {
        var (dr, dc) = s_moves[direction];
        int nr = row, nc = col;
        if (Open(row + dr, col + dc)) (nr, nc) = (row + dr, col + dc);
        // Wind blows from the column the agent left, as in Sutton and Barto's windy gridworld.
        int push = _wind[col], step = push > 0 ? -1 : 1;
        for (int i = 0; i < Math.Abs(push) && Open(nr + step, nc); i++) nr += step;
        char letter = _map[nr, nc];
        double reward = StepCost + letter switch
        {
            'G' => GoalReward,
            'P' => PitReward,
            >= '1' and <= '9' => letter - '0',
            _ => 0,
        };
        return new Outcome(p, nr * _map.Columns + nc, reward, IsEnd(letter));
    }

    /// <summary>Builds the environment from its options (see <see cref="OptionInfos"/>).</summary>
    public static GridWorldEnv FromOptions(EnvOptions options)
    {
        var text = options.GetString("map");
        var file = options.GetString("map_file");
        var name = options.GetString("map_name");
        int given = (text is null ? 0 : 1) + (file is null ? 0 : 1) + (name is null ? 0 : 1);
        if (given > 1) throw new UserInputException("give only one of the options map, map_file and map_name");
        double goalReward = options.GetDouble("goal_reward", 1);
        double pitReward = options.GetDouble("pit_reward", -1);
        double stepCost = options.GetDouble("step_cost", 0);
        double slip = options.GetDouble("slip", 0, 0, 1);
        var wind = OptionLists.GetIntegers(options, "wind", "0,0,0,1,1,1,2,2,1,0");

        GridMap map;
        if (text is not null) map = ParseMap(text, "map");
        else if (file is not null)
        {
            if (!File.Exists(file)) throw new UserInputException($"option map_file={file}: the file does not exist");
            map = ParseMap(File.ReadAllText(file), Path.GetFileName(file));
        }
        else
        {
            var mapName = name ?? DefaultMapName;
            map = ParseMap(GridWorldMaps.Load(mapName), mapName);
        }
        return new GridWorldEnv(map, goalReward, pitReward, stepCost, slip, wind);
    }

    /// <summary>
    /// Reads a GridWorld map: rectangular, only the characters of <see cref="MapCharacters"/>, exactly one S and at
    /// least one goal that S reaches through cells that are neither walls nor pits (breadth-first search). Mistakes are <see cref="UserInputException"/>s naming line and column.
    /// </summary>
    public static GridMap ParseMap(string text, string source = "map")
    {
        var map = GridMap.Parse(text, MapCharacters, source);
        CheckMap(map);
        return map;
    }

    private static void CheckMap(GridMap map)
    {
        map.FindSingle('S', "start");
        bool any = false;
        for (int r = 0; r < map.Rows; r++)
            for (int c = 0; c < map.Columns; c++)
                any |= map[r, c] is 'G' or (>= '1' and <= '9');
        if (!any) throw new UserInputException($"{map.Source} has no goal; put at least one 'G' (or a digit 1-9) in the map");
    }

    private static void CheckReachable(GridMap map, bool windy)
    {
        // Walls cannot be entered and pits end the episode, so neither is a way through; wind pushes cell by cell
        // along a column, past pits but never through walls, so with wind only walls block.
        var start = map.FindSingle('S', "start");
        if (!map.Reaches(start.Row, start.Column, ch => ch is 'G' or (>= '1' and <= '9'), ch => ch != '#' && (windy || ch != 'P')))
            throw new UserInputException(
                $"{map.Source} {map.OneLine()}: no goal can be reached from the start 'S' ({(windy ? "walls '#'" : "walls '#' and pits 'P'")} block every path); open a path of '.' cells");
    }

    /// <summary>The grid.</summary>
    public GridMap Map => _map;

    /// <summary>Reward for entering a G cell.</summary>
    public double GoalReward { get; }

    /// <summary>Reward for entering a pit.</summary>
    public double PitReward { get; }

    /// <summary>Reward added to every step.</summary>
    public double StepCost { get; }

    /// <summary>Probability that a move goes sideways.</summary>
    public double Slip { get; }

    /// <summary>Upward push of each column.</summary>
    public IReadOnlyList<int> Wind => _wind;

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => _map.Rows;

    /// <inheritdoc />
    public override int Columns => _map.Columns;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) => _map[row, column] switch
    {
        '#' => CellKind.Wall,
        'S' => CellKind.Start,
        'P' => CellKind.Hazard,
        'G' or (>= '1' and <= '9') => CellKind.Goal,
        _ => CellKind.Floor,
    };

    /// <inheritdoc />
    public override char CharAt(int row, int column) => _map[row, column];

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (state / _map.Columns, state % _map.Columns);
}
