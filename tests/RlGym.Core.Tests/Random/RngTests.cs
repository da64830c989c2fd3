using RlGym.Core.Random;

namespace RlGym.Core.Tests.Random;

public sealed class RngTests
{
    [Fact]
    public void Same_seed_gives_the_same_stream()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Restored_state_continues_the_stream_exactly()
    {
        var a = new Rng(7);
        a.NextGaussian();
        var state = a.GetState();
        var expected = Enumerable.Range(0, 10).Select(_ => a.NextGaussian()).ToArray();
        var b = new Rng(state);
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(_ => b.NextGaussian()).ToArray());
    }

    [Fact]
    public void NextInt_is_uniform_within_five_sigma()
    {
        var rng = new Rng(1);
        var counts = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) counts[rng.NextInt(7)]++;
        double p = 1.0 / 7, sigma = Math.Sqrt(n * p * (1 - p));
        Assert.All(counts, c => Assert.InRange(c, n * p - 5 * sigma, n * p + 5 * sigma));
    }
}
