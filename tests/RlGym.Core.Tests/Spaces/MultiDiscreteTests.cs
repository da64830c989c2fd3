using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.Spaces;

public sealed class MultiDiscreteTests
{
    [Fact]
    public void Samples_stay_inside_and_reach_every_value_of_each_element()
    {
        var space = new MultiDiscrete(2, 3);
        space.Seed(8);
        var seen0 = new HashSet<int>();
        var seen1 = new HashSet<int>();
        for (int i = 0; i < 500; i++)
        {
            var x = space.Sample();
            Assert.True(space.Contains(x));
            seen0.Add(x[0]);
            seen1.Add(x[1]);
        }
        Assert.Equal([0, 1], seen0.Order());
        Assert.Equal([0, 1, 2], seen1.Order());
    }

    [Fact]
    public void Contains_refuses_wrong_length_and_out_of_range_values()
    {
        var space = new MultiDiscrete(2, 3);
        Assert.True(space.Contains([1, 2]));
        Assert.False(space.Contains([2, 0]));
        Assert.False(space.Contains([0, -1]));
        Assert.False(space.Contains([0]));
    }

    [Fact]
    public void Same_seed_gives_the_same_samples()
    {
        var a = new MultiDiscrete(5, 5, 5);
        var b = new MultiDiscrete(5, 5, 5);
        a.Seed(77);
        b.Seed(77);
        for (int i = 0; i < 20; i++) Assert.Equal(a.Sample(), b.Sample());
    }

    [Fact]
    public void Prints_as_gymnasium_with_numpy_padding()
    {
        Assert.Equal("MultiDiscrete([2 3])", new MultiDiscrete(2, 3).ToString());
        Assert.Equal("MultiDiscrete([ 2 10])", new MultiDiscrete(2, 10).ToString());
    }

    [Fact]
    public void Empty_or_non_positive_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new MultiDiscrete());
        Assert.Throws<ArgumentException>(() => new MultiDiscrete(2, 0));
    }
}
