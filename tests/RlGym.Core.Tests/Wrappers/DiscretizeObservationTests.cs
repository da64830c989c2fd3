using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class DiscretizeObservationTests
{
    private static DiscretizeObservation<int> Wrap(int[] bins, double[]? low, double[]? high, params float[][] script) =>
        new(new ScriptedBoxEnv(new Box([0f, 0f], [1f, 3f]), script), bins, low, high);

    [Fact]
    public void The_space_is_the_product_of_the_bins()
    {
        var env = Wrap([2, 3], null, null, [0f, 0f]);
        Assert.Equal("Discrete(6)", env.ObservationSpace.ToString());
        Assert.Equal(16, new DiscretizeObservation<int>(new ScriptedBoxEnv(new Box(0f, 1f, 2), [0f, 0f]), bins: 4).ObservationSpace is Discrete d ? d.N : 0);
    }

    [Fact]
    public void The_index_is_row_major_with_the_last_dimension_fastest()
    {
        // bins (2, 3) over [0, 1] × [0, 3]: (0.75, 1.5) is in bins (1, 1) → 1·3 + 1 = 4.
        var env = Wrap([2, 3], null, null, [0.75f, 1.5f], [0.25f, 2.9f], [0.5f, 1f]);
        Assert.Equal(4, env.Reset(seed: 0).Observation);
        Assert.Equal(0 * 3 + 2, env.Step(0).Observation);
        // Interval edges belong to the interval above: 0.5 starts bin 1 of [0, 1]; 1.0 starts bin 1 of [0, 3].
        Assert.Equal(1 * 3 + 1, env.Step(0).Observation);
    }

    [Fact]
    public void Values_outside_the_bounds_fall_into_the_edge_bins()
    {
        var box = new Box([float.NegativeInfinity], [float.PositiveInfinity]);
        var env = new DiscretizeObservation<int>(new ScriptedBoxEnv(box, [-100f], [100f], [1f], [0.99f]), bins: 4, low: [-1], high: [1]);
        Assert.Equal(0, env.Reset(seed: 0).Observation);
        Assert.Equal(3, env.Step(0).Observation);
        Assert.Equal(3, env.Step(0).Observation);
        Assert.Equal(3, env.Step(0).Observation);
    }

    [Fact]
    public void User_bounds_replace_the_box_where_given_and_NaN_keeps_the_box()
    {
        var env = Wrap([2, 2], [double.NaN, 1.0], [double.NaN, 2.0], [0.4f, 1.6f]);
        Assert.Equal([0.0, 1.0], env.Low.ToArray());
        Assert.Equal([1.0, 2.0], env.High.ToArray());
        Assert.Equal(0 * 2 + 1, env.Reset(seed: 0).Observation);
    }

    [Fact]
    public void An_unbounded_dimension_without_bounds_is_refused_naming_it()
    {
        var box = new Box([-2.4f, float.NegativeInfinity], [2.4f, float.PositiveInfinity]);
        var e = Assert.Throws<ArgumentException>(() => new DiscretizeObservation<int>(new ScriptedBoxEnv(box, [0f, 0f]), bins: 6));
        Assert.Contains("dimension 1", e.Message);
        Assert.Contains("unbounded", e.Message);
    }

    [Fact]
    public void Cartpole_bounds_with_six_bins_give_1296_states()
    {
        var box = new Box([-4.8f, float.NegativeInfinity, -0.41887903f, float.NegativeInfinity],
                          [4.8f, float.PositiveInfinity, 0.41887903f, float.PositiveInfinity]);
        var env = new DiscretizeObservation<int>(new ScriptedBoxEnv(box, [0f, 0f, 0f, 0f]), 6,
            low: [-2.4, -3, -0.21, -3.5], high: [2.4, 3, 0.21, 3.5]);
        Assert.Equal("Discrete(1296)", env.ObservationSpace.ToString());
        // The centre (0, 0, 0, 0) is in bin 3 of every dimension: ((3·6 + 3)·6 + 3)·6 + 3 = 777.
        Assert.Equal(777, env.Reset(seed: 0).Observation);
    }

    [Fact]
    public void BinsOf_inverts_the_index_for_every_state()
    {
        var env = Wrap([2, 3], null, null, [0f, 0f]);
        Span<int> bins = stackalloc int[2];
        for (int s = 0; s < 6; s++)
        {
            env.BinsOf(s, bins);
            float[] centre = [(float)((bins[0] + 0.5) / 2), (float)((bins[1] + 0.5) / 3 * 3)];
            Assert.Equal(s, env.Index(centre));
        }
    }

    [Fact]
    public void A_NaN_observation_is_an_error_not_a_bin()
    {
        var env = Wrap([2, 3], null, null, [float.NaN, 0f]);
        Assert.Throws<ArgumentException>(() => env.Reset(seed: 0));
    }

    [Theory]
    [InlineData(new[] { 2 }, "bins has 1 values")]
    [InlineData(new[] { 0, 2 }, "bins[0] must be at least 1")]
    public void Bad_bins_are_refused(int[] bins, string message) =>
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(() => Wrap(bins, null, null, [0f, 0f])).Message);

    [Fact]
    public void Low_not_below_high_is_refused() =>
        Assert.Contains("must be below high", Assert.Throws<ArgumentException>(() => Wrap([2, 2], [1, 0], [1, 3], [0f, 0f])).Message);
}
