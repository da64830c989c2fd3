using RlGym.Core.Errors;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.CartPole;

public sealed class CartPoleSpacesAndResetTests
{
    [Fact]
    public void Spaces_are_gymnasium_s()
    {
        var env = new CartPoleEnv();
        var box = Assert.IsType<Box>(env.ObservationSpace);
        float angle = (float)(2 * (12 * 2 * Math.PI / 360));
        Assert.Equal(new[] { -4.8f, float.NegativeInfinity, -angle, float.NegativeInfinity }, box.Low.ToArray());
        Assert.Equal(new[] { 4.8f, float.PositiveInfinity, angle, float.PositiveInfinity }, box.High.ToArray());
        Assert.Equal(0.41887903f, angle);
        var actions = Assert.IsType<Discrete>(env.ActionSpace);
        Assert.Equal(2, actions.N);
        Assert.Equal(0, actions.Start);
    }

    [Fact]
    public void Reset_draws_all_four_variables_uniformly_within_five_hundredths()
    {
        var env = new CartPoleEnv();
        var min = new double[4];
        var max = new double[4];
        Array.Fill(min, double.MaxValue);
        Array.Fill(max, double.MinValue);
        for (long seed = 0; seed < 2000; seed++)
        {
            env.Reset(seed);
            var s = env.State;
            double[] v = [s.X, s.XDot, s.Theta, s.ThetaDot];
            for (int i = 0; i < 4; i++)
            {
                Assert.InRange(v[i], -0.05, 0.05);
                min[i] = Math.Min(min[i], v[i]);
                max[i] = Math.Max(max[i], v[i]);
            }
        }
        // 2000 uniform draws leave a gap above 0.0495 at either end with probability about e^-20.
        Assert.All(min, m => Assert.True(m < -0.0495));
        Assert.All(max, m => Assert.True(m > 0.0495));
    }

    [Fact]
    public void Reset_options_low_and_high_move_the_starting_interval()
    {
        var env = new CartPoleEnv();
        for (long seed = 0; seed < 200; seed++)
        {
            var obs = env.Reset(seed, Registry.Options(("low", "0"), ("high", "1"))).Observation;
            Assert.All(obs, v => Assert.InRange(v, 0f, 1f));
        }
        var onlyHigh = env.Reset(1, Registry.Options(("high", "-0.04"))).Observation;
        Assert.All(onlyHigh, v => Assert.InRange(v, -0.05f, -0.04f));
    }

    [Fact]
    public void Reset_options_with_low_above_high_are_refused()
    {
        var env = new CartPoleEnv();
        Assert.Throws<UserInputException>(() => env.Reset(1, Registry.Options(("low", "0.2"), ("high", "0.1"))));
    }

    [Fact]
    public void The_first_observation_is_the_float32_copy_of_the_state()
    {
        var env = new CartPoleEnv();
        var obs = env.Reset(8).Observation;
        var s = env.State;
        Assert.Equal(new[] { (float)s.X, (float)s.XDot, (float)s.Theta, (float)s.ThetaDot }, obs);
    }
}
