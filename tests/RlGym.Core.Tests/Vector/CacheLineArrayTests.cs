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

    [Fact]
    public void Arrays_start_on_a_cache_line_even_when_the_pinned_heap_has_holes_of_every_size()
    {
        var rng = new System.Random(7);
        var kept = new List<byte[]>();
        for (int round = 0; round < 4; round++)
        {
            var blocks = Enumerable.Range(0, 2000).Select(_ => GC.AllocateUninitializedArray<byte>(rng.Next(0, 600), pinned: true)).ToList();
            kept.AddRange(blocks.Where((_, i) => i % 2 == 0));
            blocks.Clear();
            GC.Collect();
            for (int i = 0; i < 50; i++)
            {
                int length = rng.Next(1, 300);
                Assert.Equal(0, CacheLineArray.Offset(CacheLineArray.Allocate<double>(length)));
                Assert.Equal(0, CacheLineArray.Offset(CacheLineArray.Allocate<bool>(length)));
            }
        }
        GC.KeepAlive(kept);
    }
}
