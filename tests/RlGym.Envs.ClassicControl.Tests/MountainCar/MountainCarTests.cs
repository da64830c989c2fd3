using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.MountainCar;

public sealed class MountainCarTests
{
    // Gymnasium's mountain_car.py transition, written again: velocity first, clipped, then position, clipped,
    // then the inelastic left wall.
    private static (double Position, double Velocity) Reference(double position, double velocity, int action)
    {
        velocity += (action - 1) * 0.001 + Math.Cos(3 * position) * (-0.0025);
        velocity = Math.Min(Math.Max(velocity, -0.07), 0.07);
        position += velocity;
        position = Math.Min(Math.Max(position, -1.2), 0.6);
        if (position == -1.2 && velocity < 0) velocity = 0;
        return (position, velocity);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(5L)]
    [InlineData(77L)]
    public void Random_actions_follow_the_published_transition(long seed)
    {
        var env = new MountainCarEnv();
        env.Reset(seed);
        var (p, v) = (env.State.Position, env.State.Velocity);
        var rng = new Rng(seed);
        for (int t = 0; t < 200; t++)
        {
            int a = rng.NextInt(3);
            (p, v) = Reference(p, v, a);
            var r = env.Step(a);
            Assert.Equal(new[] { (float)p, (float)v }, r.Observation);
            Assert.Equal(p, env.State.Position);
            Assert.Equal(v, env.State.Velocity);
            Assert.Equal(-1.0, r.Reward);
            Assert.Equal(p >= 0.5 && v >= 0, r.Terminated);
            if (r.Terminated) break;
        }
    }

    [Fact]
    public void The_left_wall_stops_a_car_moving_left()
    {
        var env = new MountainCarEnv();
        env.Reset(0);
        env.State = new MountainCarState(-1.19, -0.05);
        var r = env.Step(0);
        Assert.Equal(-1.2, env.State.Position);
        Assert.Equal(0.0, env.State.Velocity);
        Assert.Equal(new[] { -1.2f, 0f }, r.Observation);
        Assert.False(r.Terminated);
    }

    [Fact]
    public void Speed_is_clipped_to_seven_hundredths()
    {
        var env = new MountainCarEnv();
        env.Reset(0);
        env.State = new MountainCarState(-0.5, 0.0699);
        env.Step(2);
        Assert.Equal(0.07, env.State.Velocity);
    }

    [Fact]
    public void Reaching_the_flag_moving_right_terminates_with_reward_minus_one()
    {
        var env = new MountainCarEnv();
        env.Reset(0);
        env.State = new MountainCarState(0.49, 0.02);
        var r = env.Step(2);
        Assert.True(env.State.Position >= 0.5);
        Assert.True(r.Terminated);
        Assert.Equal(-1.0, r.Reward);
    }

    [Fact]
    public void Past_the_flag_but_rolling_back_does_not_terminate()
    {
        var env = new MountainCarEnv();
        env.Reset(0);
        env.State = new MountainCarState(0.55, -0.002);
        var r = env.Step(1);
        Assert.True(env.State.Position >= 0.5);
        Assert.True(env.State.Velocity < 0);
        Assert.False(r.Terminated);
    }

    [Fact]
    public void Goal_velocity_demands_speed_at_the_flag()
    {
        var env = Registry.Create().Make<float[], int>("MountainCar-v0", Registry.Options(("goal_velocity", "0.05")));
        env.Reset(0);
        var bare = (MountainCarEnv)env.Unwrapped;
        Assert.Equal(0.05, bare.GoalVelocity);
        bare.State = new MountainCarState(0.49, 0.02);
        Assert.False(env.Step(2).Terminated);
        bare.State = new MountainCarState(0.45, 0.068);
        Assert.True(env.Step(2).Terminated);
    }

    [Fact]
    public void Rocking_with_the_velocity_reaches_the_flag_within_the_time_limit()
    {
        // Measured over seeds 0..49: the slowest run takes 123 steps of the 200 allowed.
        var env = Registry.Create().Make<float[], int>("MountainCar-v0");
        for (long seed = 0; seed < 10; seed++)
        {
            var obs = env.Reset(seed).Observation;
            int steps = 0;
            while (true)
            {
                var r = env.Step(obs[1] >= 0 ? 2 : 0);
                obs = r.Observation;
                steps++;
                if (r.Done)
                {
                    Assert.True(r.Terminated);
                    Assert.InRange(steps, 80, 130);
                    break;
                }
            }
        }
    }

    [Fact]
    public void Coasting_is_truncated_at_200_steps_with_return_minus_200()
    {
        var env = Registry.Create().Make<float[], int>("MountainCar-v0");
        env.Reset(9);
        double total = 0;
        int steps = 0;
        while (true)
        {
            var r = env.Step(1);
            total += r.Reward;
            steps++;
            if (r.Done)
            {
                Assert.True(r.Truncated);
                Assert.False(r.Terminated);
                break;
            }
        }
        Assert.Equal(200, steps);
        Assert.Equal(-200.0, total);
    }

    [Fact]
    public void Reset_puts_the_car_at_rest_between_minus_six_and_minus_four_tenths()
    {
        var env = new MountainCarEnv();
        double min = 0, max = -1;
        for (long seed = 0; seed < 1000; seed++)
        {
            var obs = env.Reset(seed).Observation;
            Assert.InRange(env.State.Position, -0.6, -0.4);
            Assert.Equal(0.0, env.State.Velocity);
            Assert.Equal(0f, obs[1]);
            min = Math.Min(min, env.State.Position);
            max = Math.Max(max, env.State.Position);
        }
        Assert.True(min < -0.599 && max > -0.401);

        env.Reset(1, Registry.Options(("low", "-0.7"), ("high", "0.5")));
        Assert.InRange(env.State.Position, -0.7, 0.5);
    }

    [Fact]
    public void Spaces_are_gymnasium_s()
    {
        var env = new MountainCarEnv();
        var box = Assert.IsType<Box>(env.ObservationSpace);
        Assert.Equal(new[] { -1.2f, -0.07f }, box.Low.ToArray());
        Assert.Equal(new[] { 0.6f, 0.07f }, box.High.ToArray());
        Assert.Equal(3, Assert.IsType<Discrete>(env.ActionSpace).N);
        env.Reset(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(3));
    }
}
