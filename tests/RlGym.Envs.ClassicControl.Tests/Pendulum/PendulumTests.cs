using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.Pendulum;

public sealed class PendulumTests
{
    // The angle folded into [-π, π) with 0 upright.
    private static double Fold(double theta) => theta - 2 * Math.PI * Math.Floor((theta + Math.PI) / (2 * Math.PI));

    // Gymnasium's pendulum.py, written again. The torque is a float32 and NumPy 2 keeps its products with Python
    // floats in float32 (3·u and 0.001·u²); the rest is float64. Gymnasium squares u with powf, which may differ from
    // u·u by one float32 ulp: at most 5e-10 on the reward, hence the 1e-9 tolerance.
    private static (double Theta, double ThetaDot, double Reward) Reference(double theta, double thetaDot, float torque, double g = 10.0)
    {
        float u = Math.Clamp(torque, -2f, 2f);
        double a = Fold(theta);
        double reward = -(a * a + 0.1 * thetaDot * thetaDot + (double)(0.001f * (u * u)));
        double newThetaDot = Math.Clamp(thetaDot + (3 * g / 2 * Math.Sin(theta) + (double)(3f * u)) * 0.05, -8, 8);
        return (theta + newThetaDot * 0.05, newThetaDot, reward);
    }

    [Theory]
    [InlineData(0L, 10.0)]
    [InlineData(4L, 10.0)]
    [InlineData(8L, 9.81)]
    public void Random_torques_follow_the_published_dynamics_and_reward(long seed, double g)
    {
        var env = new PendulumEnv(g);
        env.Reset(seed);
        var (th, thDot) = (env.State.Theta, env.State.ThetaDot);
        var rng = new Rng(seed);
        var action = new float[1];
        for (int t = 0; t < 200; t++)
        {
            action[0] = (float)rng.Uniform(-3, 3);
            (th, thDot, double reward) = Reference(th, thDot, action[0], g);
            var r = env.Step(action);
            Assert.Equal(reward, r.Reward, 1e-9);
            Assert.Equal(th, env.State.Theta, 1e-9);
            Assert.Equal(thDot, env.State.ThetaDot, 1e-9);
            Assert.False(r.Terminated);
            (th, thDot) = (env.State.Theta, env.State.ThetaDot);
        }
    }

    [Fact]
    public void Reward_is_minus_the_squared_angle_speed_and_torque_costs()
    {
        var env = new PendulumEnv();
        env.Reset(0);
        env.State = new PendulumState(1.0, 2.0);
        var r = env.Step([0.5f]);
        // 0.001·u² is a float32 product (NumPy 2): 1.2e-11 away from the decimal value.
        Assert.Equal(-(1.0 + 0.1 * 4.0 + 0.001 * 0.25), r.Reward, 1e-10);

        // 3π + 0.5 folds to -π + 0.5.
        env.State = new PendulumState(3 * Math.PI + 0.5, 0.0);
        Assert.Equal(-Math.Pow(-Math.PI + 0.5, 2), env.Step([0f]).Reward, 1e-12);

        // The worst case Gymnasium quotes: -(π² + 0.1·8² + 0.001·2²).
        env.State = new PendulumState(-Math.PI, 8.0);
        Assert.Equal(-16.2736044, env.Step([2f]).Reward, 1e-7);
    }

    [Theory]
    [InlineData(5f, 2f)]
    [InlineData(-7f, -2f)]
    [InlineData(float.PositiveInfinity, 2f)]
    public void Torques_beyond_two_act_as_two(float torque, float clipped)
    {
        var a = new PendulumEnv();
        var b = new PendulumEnv();
        a.Reset(1);
        b.Reset(1);
        var ra = a.Step([torque]);
        var rb = b.Step([clipped]);
        Assert.Equal(rb.Reward, ra.Reward);
        Assert.Equal(b.State, a.State);
        Assert.Equal(clipped, a.LastTorque);
    }

    [Fact]
    public void Angular_velocity_is_clipped_to_eight_and_the_angle_moves_with_the_clipped_velocity()
    {
        var env = new PendulumEnv();
        env.Reset(0);
        env.State = new PendulumState(1.0, 7.9);
        env.Step([2f]);
        Assert.Equal(8.0, env.State.ThetaDot);
        Assert.Equal(1.0 + 8.0 * 0.05, env.State.Theta, 1e-15);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(Math.PI, -Math.PI)]
    [InlineData(-Math.PI, -Math.PI)]
    [InlineData(7.0, 7.0 - 2 * Math.PI)]
    [InlineData(-4.0, -4.0 + 2 * Math.PI)]
    public void Angles_fold_into_minus_pi_pi(double theta, double folded)
    {
        Assert.Equal(folded, PendulumEnv.AngleNormalize(theta), 1e-12);
    }

    [Fact]
    public void A_torque_array_of_the_wrong_size_or_a_nan_is_refused()
    {
        var env = new PendulumEnv();
        env.Reset(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([1f, 1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([float.NaN]));
    }

    [Fact]
    public void It_never_terminates_and_the_registry_truncates_at_200_steps()
    {
        var env = Registry.Create().Make<float[], float[]>("Pendulum-v1");
        env.Reset(6);
        var rng = new Rng(6);
        int steps = 0;
        while (true)
        {
            var r = env.Step([(float)rng.Uniform(-2, 2)]);
            steps++;
            Assert.False(r.Terminated);
            Assert.InRange(r.Reward, -16.2736045, 0.0);
            if (r.Truncated) break;
        }
        Assert.Equal(200, steps);
    }

    [Fact]
    public void Reset_draws_the_angle_within_pi_and_the_velocity_within_one()
    {
        var env = new PendulumEnv();
        double thMin = 0, thMax = 0;
        for (long seed = 0; seed < 1000; seed++)
        {
            var obs = env.Reset(seed).Observation;
            Assert.InRange(env.State.Theta, -Math.PI, Math.PI);
            Assert.InRange(env.State.ThetaDot, -1.0, 1.0);
            Assert.Equal(new[] { (float)Math.Cos(env.State.Theta), (float)Math.Sin(env.State.Theta), (float)env.State.ThetaDot }, obs);
            thMin = Math.Min(thMin, env.State.Theta);
            thMax = Math.Max(thMax, env.State.Theta);
        }
        Assert.True(thMin < -3.1 && thMax > 3.1);
        Assert.Null(env.LastTorque);

        env.Reset(2, Registry.Options(("x_init", "0.5"), ("y_init", "0.1")));
        Assert.InRange(env.State.Theta, -0.5, 0.5);
        Assert.InRange(env.State.ThetaDot, -0.1, 0.1);
    }

    [Fact]
    public void The_g_option_sets_gravity()
    {
        var env = Registry.Create().Make<float[], float[]>("Pendulum-v1", Registry.Options(("g", "9.81")));
        var bare = (PendulumEnv)env.Unwrapped;
        Assert.Equal(9.81, bare.G);
        env.Reset(0);
        bare.State = new PendulumState(Math.PI / 2, 0);
        env.Step([0f]);
        Assert.Equal(3 * 9.81 / 2 * 0.05, bare.State.ThetaDot, 1e-12);
    }

    [Fact]
    public void Spaces_are_gymnasium_s()
    {
        var env = new PendulumEnv();
        var obs = Assert.IsType<Box>(env.ObservationSpace);
        Assert.Equal(new[] { -1f, -1f, -8f }, obs.Low.ToArray());
        Assert.Equal(new[] { 1f, 1f, 8f }, obs.High.ToArray());
        var act = Assert.IsType<Box>(env.ActionSpace);
        Assert.Equal(new[] { -2f }, act.Low.ToArray());
        Assert.Equal(new[] { 2f }, act.High.ToArray());
        Assert.Equal(new[] { 1 }, act.Shape);
    }
}
