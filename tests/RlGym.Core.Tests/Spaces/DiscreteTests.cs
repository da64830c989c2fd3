using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.Spaces;

public sealed class DiscreteTests
{
    [Fact]
    public void Samples_cover_every_element_and_stay_inside()
    {
        var space = new Discrete(4, start: 2);
        space.Seed(3);
        var seen = new HashSet<int>();
        for (int i = 0; i < 1000; i++)
        {
            int x = space.Sample();
            Assert.True(space.Contains(x), $"{x} outside {space}");
            seen.Add(x);
        }
        Assert.Equal([2, 3, 4, 5], seen.Order());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    public void Contains_means_start_to_start_plus_n_minus_one(int value, bool expected) =>
        Assert.Equal(expected, new Discrete(3, start: 1).Contains(value));

    [Fact]
    public void Contains_refuses_other_types_when_boxed()
    {
        var space = new Discrete(3);
        Assert.False(space.ContainsBoxed(1.0));
        Assert.False(space.ContainsBoxed(null));
        Assert.True(space.ContainsBoxed(2));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(-7L)]
    public void Same_seed_gives_the_same_samples(long seed)
    {
        var a = new Discrete(10);
        var b = new Discrete(10);
        a.Seed(seed);
        b.Seed(seed);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => a.Sample()), Enumerable.Range(0, 50).Select(_ => b.Sample()));
    }

    [Fact]
    public void Prints_as_gymnasium()
    {
        Assert.Equal("Discrete(2)", new Discrete(2).ToString());
        Assert.Equal("Discrete(3, start=-1)", new Discrete(3, start: -1).ToString());
    }

    [Fact]
    public void Zero_elements_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(0));

    [Fact]
    public void Numbers_round_trip_and_fractions_are_refused()
    {
        var space = new Discrete(5);
        Assert.Equal([3.0], space.ToNumbers(3));
        Assert.Equal(3, space.FromNumbers([3.0]));
        Assert.Throws<FormatException>(() => space.FromNumbers([2.5]));
    }
}
