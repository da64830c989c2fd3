using RlGym.Core.Vector;

namespace RlGym.Core.Tests.Vector;

public sealed class CacheLineArrayTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(1024)]
    [InlineData(8192)]
    [InlineData(100_000)]
    public void Arrays_of_every_element_size_start_on_a_cache_line_and_are_zeroed(int length)
    {
        var doubles = CacheLineArray.Allocate<double>(length);
        var floats = CacheLineArray.Allocate<float>(length * 4);
        var bools = CacheLineArray.Allocate<bool>(length);
        var ints = CacheLineArray.Allocate<int>(length);
        Assert.Equal(0, CacheLineArray.Offset(doubles));
        Assert.Equal(0, CacheLineArray.Offset(floats));
        Assert.Equal(0, CacheLineArray.Offset(bools));
        Assert.Equal(0, CacheLineArray.Offset(ints));
        Assert.Equal(length, doubles.Length);
        Assert.All(doubles, d => Assert.Equal(0.0, d));
        Assert.All(bools, Assert.False);
    }
}
