using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.Spaces;

public sealed class BoxTests
{
    private static readonly float[] CartPoleHigh = [4.8f, float.PositiveInfinity, 0.41887903f, float.PositiveInfinity];

    [Fact]
    public void Bounded_samples_are_uniform_inside_the_bounds()
    {
        var box = new Box(-2f, 3f, 1);
        box.Seed(11);
        const int n = 20_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var x = box.Sample();
            Assert.True(box.Contains(x));
            Assert.True(x[0] < 3f, "uniform sampling excludes the upper bound");
            sum += x[0];
        }
        // Uniform(-2, 3): mean 0.5, sd 5/sqrt(12) ≈ 1.443; the sample mean's sd is 1.443/sqrt(n) ≈ 0.0102.
        Assert.InRange(sum / n, 0.5 - 5 * 0.0102, 0.5 + 5 * 0.0102);
    }

    [Fact]
    public void Half_bounded_samples_are_exponential_from_the_bound()
    {
        var box = new Box([1f, float.NegativeInfinity], [float.PositiveInfinity, -1f]);
        box.Seed(5);
        const int n = 20_000;
        double sumLow = 0, sumHigh = 0;
        for (int i = 0; i < n; i++)
        {
            var x = box.Sample();
            Assert.True(x[0] >= 1f && x[1] <= -1f);
            sumLow += x[0];
            sumHigh += x[1];
        }
        // Exponential(1) has mean 1 and sd 1; the sample mean's sd is 1/sqrt(n) ≈ 0.0071.
        Assert.InRange(sumLow / n, 2 - 0.036, 2 + 0.036);
        Assert.InRange(sumHigh / n, -2 - 0.036, -2 + 0.036);
    }

    [Fact]
    public void Unbounded_samples_are_standard_normal()
    {
        var box = new Box(float.NegativeInfinity, float.PositiveInfinity, 1);
        box.Seed(9);
        const int n = 20_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = box.Sample()[0];
            sum += x;
            sumSq += x * x;
        }
        Assert.InRange(sum / n, -0.036, 0.036);
        // The variance of N(0, 1) estimated from n samples has sd sqrt(2/n) ≈ 0.01.
        Assert.InRange(sumSq / n, 1 - 0.05, 1 + 0.05);
    }

    [Fact]
    public void Same_seed_gives_the_same_samples()
    {
        var a = new Box([-1f, float.NegativeInfinity], [1f, float.PositiveInfinity]);
        var b = new Box([-1f, float.NegativeInfinity], [1f, float.PositiveInfinity]);
        a.Seed(123);
        b.Seed(123);
        for (int i = 0; i < 20; i++) Assert.Equal(a.Sample(), b.Sample());
    }

    [Fact]
    public void SampleInto_fills_a_caller_buffer_like_Sample()
    {
        var a = new Box(-1f, 1f, 3);
        var b = new Box(-1f, 1f, 3);
        a.Seed(4);
        b.Seed(4);
        var buffer = new float[3];
        b.SampleInto(buffer);
        Assert.Equal(a.Sample(), buffer);
    }

    [Fact]
    public void Contains_checks_size_bounds_and_NaN()
    {
        var box = new Box(-1f, 1f, 2);
        Assert.True(box.Contains([1f, -1f]));
        Assert.False(box.Contains([1.01f, 0f]));
        Assert.False(box.Contains([0f]));
        Assert.False(box.Contains([float.NaN, 0f]));
        Assert.False(box.ContainsBoxed(new double[] { 0, 0 }));
    }

    [Fact]
    public void Low_above_high_is_refused() => Assert.Throws<ArgumentException>(() => new Box([1f], [0f]));

    [Fact]
    public void Prints_uniform_bounds_as_gymnasium() =>
        Assert.Equal("Box(-1.0, 1.0, (2,), float32)", new Box(-1f, 1f, 2).ToString());

    [Fact]
    public void Prints_a_matrix_shape_as_a_python_tuple() =>
        Assert.Equal("Box(0.0, 255.0, (2, 3), float32)", new Box(0f, 255f, 2, 3).ToString());

    [Fact]
    public void Prints_cartpole_bounds_as_gymnasium_does()
    {
        var low = CartPoleHigh.Select(v => -v).ToArray();
        Assert.Equal(
            "Box([-4.8               -inf -0.41887903        -inf], [4.8               inf 0.41887903        inf], (4,), float32)",
            new Box(low, CartPoleHigh).ToString());
    }

    [Fact]
    public void Prints_whole_numbers_in_arrays_with_a_trailing_point() =>
        Assert.Equal("Box([-1.5  2. ], [2. 3.], (2,), float32)", new Box([-1.5f, 2f], [2f, 3f]).ToString());

    [Fact]
    public void IsBounded_is_false_when_any_element_is_infinite()
    {
        Assert.True(new Box(-1f, 1f, 3).IsBounded);
        Assert.False(new Box([-1f, float.NegativeInfinity], [1f, 1f]).IsBounded);
    }
}
