using RlGym.Core.Errors;
using RlGym.Envs.ToyText.FrozenLake;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.FrozenLake;

public sealed class FrozenLakeMapTests
{
    [Fact]
    public void Shipped_maps_are_gymnasiums()
    {
        Assert.Equal(["SFFF", "FHFH", "FFFH", "HFFG"], new FrozenLakeEnv("4x4").Map.Lines);
        Assert.Equal("FHFFHFHF", new FrozenLakeEnv("8x8").Map.Lines[6]);
    }

    [Fact]
    public void Desc_option_builds_a_custom_lake()
    {
        var env = FrozenLakeEnv.FromOptions(ToyTextRegistry.Options("desc=SFH,FFG"));
        Assert.Equal((2, 3), (env.Rows, env.Columns));
        Assert.Equal('H', env.CharAt(0, 2));
    }

    [Fact]
    public void Desc_wins_over_the_8x8_default_of_FrozenLake8x8()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("FrozenLake8x8-v1", ToyTextRegistry.Options("desc=SG"));
        Assert.Equal("Discrete(2)", env.ObservationSpace.ToString());
    }

    [Theory]
    [InlineData("SFFF/FHXH/FFFH/HFFG", "desc line 2, column 3: 'X' is not a map character")]
    [InlineData("SFFF/FHF/FFFH/HFFG", "desc line 2, column 4: row has 3 cells but the first row has 4")]
    [InlineData("FFFF/FHFH/FFFH/HFFG", "desc has no start 'S'")]
    [InlineData("SFFF/FHFH/FFSH/HFFG", "desc line 3, column 3: a second start 'S'")]
    [InlineData("SFFF/FHFH/FFFH/HFFF", "desc has no goal 'G'")]
    public void Malformed_desc_is_refused_naming_line_and_column(string desc, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => FrozenLakeEnv.FromOptions(ToyTextRegistry.Options($"desc={desc}")));
        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData("SH/HG")]
    [InlineData("SFH/FHF/HFG")]
    [InlineData("SFFF/FFFF/HHHH/FFFG")]
    public void A_lake_whose_goal_no_path_reaches_is_refused_naming_the_map(string desc)
    {
        var e = Assert.Throws<UserInputException>(() => FrozenLakeEnv.FromOptions(ToyTextRegistry.Options($"desc={desc}")));
        Assert.Equal($"desc {desc}: no goal 'G' can be reached from the start 'S' (holes 'H' block every path); open a path of 'F' cells", e.Message);
    }

    [Theory]
    [InlineData("SH/FG")]
    [InlineData("SFH/HFF/HHG")]
    [InlineData("SG/HH")]
    public void A_lake_with_one_winding_path_loads(string desc) =>
        Assert.Equal(desc.Replace("/", ""), string.Concat(FrozenLakeEnv.FromOptions(ToyTextRegistry.Options($"desc={desc}")).Map.Lines));

    [Fact]
    public void Random_map_is_seeded_and_always_has_a_path()
    {
        for (long seed = 0; seed < 20; seed++)
        {
            var map = FrozenLakeMaps.GenerateRandom(8, 0.6, seed);
            Assert.Equal(map, FrozenLakeMaps.GenerateRandom(8, 0.6, seed));
            Assert.Equal('S', map[0][0]);
            Assert.Equal('G', map[7][7]);
            // A path exists exactly when the best success probability without slip is 1.
            var env = new FrozenLakeEnv(FrozenLakeEnv.ParseMap(string.Join('/', map)), isSlippery: false);
            Assert.Equal(1.0, ModelSolver.FiniteHorizonOptimalValues(env, 64)[0]);
        }
        Assert.NotEqual(FrozenLakeMaps.GenerateRandom(8, 0.6, 1), FrozenLakeMaps.GenerateRandom(8, 0.6, 2));
    }

    [Fact]
    public void Map_name_random_uses_size_and_seed_options()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("FrozenLake-v1", ToyTextRegistry.Options("map_name=random", "map_size=5", "map_seed=3"));
        Assert.Equal("Discrete(25)", env.ObservationSpace.ToString());
    }
}
