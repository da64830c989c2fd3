using RlGym.Core.Errors;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.GridWorld;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.GridWorld;

public sealed class GridWorldMapTests
{
    [Theory]
    [InlineData("S..\n...\n..", "map line 3, column 3: row has 2 cells but the first row has 3")]
    [InlineData("S..\n.X.\n..G", "map line 2, column 2: 'X' is not a map character; allowed: # S . G P 1 2 3 4 5 6 7 8 9")]
    [InlineData("...\n...\n..G", "map has no start 'S'")]
    [InlineData("S..\n...\n...", "map has no goal")]
    [InlineData("S..\n..S\n..G", "map line 2, column 3: a second start 'S' (the first is at map line 1, column 1)")]
    [InlineData("\n\nS..\n.Q.\n..G", "map line 4, column 2: 'Q'")]
    [InlineData("S..\n\n..G", "map line 2, column 1: empty row inside the map")]
    public void Malformed_maps_are_refused_naming_line_and_column(string text, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => GridWorldEnv.ParseMap(text));
        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData("map=S#G", "map S#G: no goal can be reached from the start 'S' (walls '#' and pits 'P' block every path)")]
    [InlineData("map=SPG", "map SPG: no goal can be reached from the start 'S' (walls '#' and pits 'P' block every path)")]
    [InlineData("map=S.#/##./..3", "map S.#/##./..3: no goal can be reached")]
    public void A_map_whose_goals_no_path_reaches_is_refused_at_load_naming_the_map(string option, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options(option)));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Wind_can_carry_the_agent_past_a_pit_so_a_windy_map_is_only_blocked_by_walls()
    {
        // Without wind the pit is the only way up; with two cells of wind in column 0, a step up from S into the pit
        // is blown on to G.
        Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options("map=G##/P##/S##")));
        var env = GridWorldEnv.FromOptions(ToyTextRegistry.Options("map=G##/P##/S##", "wind=2,0,0"));
        Assert.Equal(9, env.StateCount);
    }

    [Fact]
    public void Map_file_errors_name_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlgym-gridworld-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "S.#\n..?\n..G\n");
        try
        {
            var e = Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options($"map_file={path}")));
            Assert.StartsWith($"{Path.GetFileName(path)} line 2, column 3", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Map_file_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlgym-gridworld-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "S.G\r\n#..\r\n");
        try
        {
            var env = GridWorldEnv.FromOptions(ToyTextRegistry.Options($"map_file={path}"));
            Assert.Equal((2, 3), (env.Rows, env.Columns));
            Assert.Equal(CellKind.Wall, env.CellAt(1, 0));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Missing_map_file_is_a_user_error()
    {
        var e = Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options("map_file=/no/such/map.txt")));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Shipped_maps_all_load()
    {
        Assert.Superset(new HashSet<string> { "open-5x5", "four-rooms", "maze-8x8", "bridge", "two-goals" }, GridWorldMaps.Names.ToHashSet());
        foreach (var name in GridWorldMaps.Names)
        {
            var env = GridWorldEnv.FromOptions(ToyTextRegistry.Options($"map_name={name}"));
            Assert.Equal(env.Rows * env.Columns, env.StateCount);
            // Every shipped map can be solved.
            Assert.True(ModelSolver.ShortestPath(env, env.StartStates[0]) > 0, name);
        }
    }

    [Fact]
    public void Unknown_map_name_lists_the_shipped_maps()
    {
        var e = Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options("map_name=nope")));
        Assert.Contains("four-rooms", e.Message);
    }

    [Fact]
    public void Only_one_map_option_may_be_given()
    {
        var e = Assert.Throws<UserInputException>(() => GridWorldEnv.FromOptions(ToyTextRegistry.Options("map=SG", "map_name=open-5x5")));
        Assert.Contains("only one of", e.Message);
    }

    [Fact]
    public void Four_rooms_shortest_path_goes_through_the_doorways()
    {
        var env = GridWorldEnv.FromOptions(ToyTextRegistry.Options("map_name=four-rooms"));
        // From (1,1) to (11,11): 20 moves of Manhattan distance, and the doorways are on the way.
        Assert.Equal(20, ModelSolver.ShortestPath(env, env.StartStates[0]));
    }
}
