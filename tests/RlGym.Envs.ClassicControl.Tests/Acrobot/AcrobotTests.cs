using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.Acrobot;

public sealed class AcrobotTests
{
    private static double[] Array(AcrobotState s) => [s.Theta1, s.Theta2, s.Theta1Dot, s.Theta2Dot];

    [Theory]
    [InlineData(0L)]
    [InlineData(13L)]
    [InlineData(321L)]
    public void Runge_kutta_steps_equal_an_independent_integration_of_the_book_equations(long seed)
    {
        var env = new AcrobotEnv();
        env.Reset(seed);
        var s = Array(env.State);
        var rng = new Rng(seed);
        for (int t = 0; t < 300; t++)
        {
            int a = rng.NextInt(3);
            s = AcrobotReference.Step(s, a);
            var r = env.Step(a);
            Assert.Equal(s, Array(env.State));
            Assert.Equal(AcrobotReference.Observation(s), r.Observation);
            Assert.Equal(AcrobotReference.Terminal(s), r.Terminated);
            if (r.Terminated) break;
        }
    }

    [Fact]
    public void Wild_states_are_wrapped_to_minus_pi_pi_and_velocities_clipped()
    {
        var env = new AcrobotEnv();
        env.Reset(0);
        double[] start = [3.1, -3.1, 4 * Math.PI, -9 * Math.PI];
        env.State = new AcrobotState(start[0], start[1], start[2], start[3]);
        var expected = AcrobotReference.Step(start, 2);
        env.Step(2);
        var s = env.State;
        Assert.Equal(expected, Array(s));
        Assert.InRange(s.Theta1, -Math.PI, Math.PI);
        Assert.InRange(s.Theta2, -Math.PI, Math.PI);
        Assert.InRange(s.Theta1Dot, -4 * Math.PI, 4 * Math.PI);
        Assert.InRange(s.Theta2Dot, -9 * Math.PI, 9 * Math.PI);
        Assert.True(Math.Abs(s.Theta1Dot) == 4 * Math.PI || Math.Abs(s.Theta2Dot) == 9 * Math.PI);
    }

    [Fact]
    public void Reaching_the_line_terminates_with_reward_zero_and_other_steps_pay_minus_one()
    {
        var env = new AcrobotEnv();
        env.Reset(0);
        env.State = new AcrobotState(Math.PI - 0.05, 0.0, 0.0, 0.0);
        var top = env.Step(1);
        Assert.True(top.Terminated);
        Assert.Equal(0.0, top.Reward);

        env.Reset(0);
        var bottom = env.Step(1);
        Assert.False(bottom.Terminated);
        Assert.Equal(-1.0, bottom.Reward);
    }

    [Fact]
    public void Torque_following_the_second_joint_swings_up_within_the_time_limit()
    {
        // Measured over seeds 0..29: between 65 and 151 steps of the 500 allowed.
        var env = Registry.Create().Make<float[], int>("Acrobot-v1");
        for (long seed = 0; seed < 5; seed++)
        {
            var obs = env.Reset(seed).Observation;
            double total = 0;
            int steps = 0;
            while (true)
            {
                var r = env.Step(obs[5] >= 0 ? 2 : 0);
                obs = r.Observation;
                total += r.Reward;
                steps++;
                if (r.Done)
                {
                    Assert.True(r.Terminated);
                    Assert.Equal(0.0, r.Reward);
                    break;
                }
            }
            Assert.InRange(steps, 40, 200);
            Assert.Equal(-(steps - 1), total);
        }
    }

    [Fact]
    public void Doing_nothing_is_truncated_at_500_steps()
    {
        var env = Registry.Create().Make<float[], int>("Acrobot-v1");
        env.Reset(2);
        int steps = 0;
        while (true)
        {
            var r = env.Step(1);
            steps++;
            if (r.Done)
            {
                Assert.True(r.Truncated);
                Assert.False(r.Terminated);
                break;
            }
        }
        Assert.Equal(500, steps);
    }

    [Fact]
    public void Reset_draws_float32_values_within_a_tenth()
    {
        var env = new AcrobotEnv();
        for (long seed = 0; seed < 500; seed++)
        {
            var obs = env.Reset(seed).Observation;
            foreach (var v in Array(env.State))
            {
                Assert.InRange(v, -0.1, 0.1);
                Assert.Equal((double)(float)v, v);
            }
            Assert.Equal(AcrobotReference.Observation(Array(env.State)), obs);
        }
        env.Reset(3, Registry.Options(("low", "-0.2"), ("high", "-0.15")));
        Assert.All(Array(env.State), v => Assert.InRange(v, -0.2, -0.15));
    }

    [Fact]
    public void Spaces_are_gymnasium_s()
    {
        var env = new AcrobotEnv();
        var box = Assert.IsType<Box>(env.ObservationSpace);
        float w1 = (float)(4 * Math.PI), w2 = (float)(9 * Math.PI);
        Assert.Equal(new[] { -1f, -1f, -1f, -1f, -w1, -w2 }, box.Low.ToArray());
        Assert.Equal(new[] { 1f, 1f, 1f, 1f, w1, w2 }, box.High.ToArray());
        Assert.Equal(3, Assert.IsType<Discrete>(env.ActionSpace).N);
        env.Reset(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1));
    }

    [Fact]
    public void Nips_dynamics_drop_the_centripetal_term_of_the_second_joint()
    {
        var book = new AcrobotEnv();
        var nips = new AcrobotEnv { Dynamics = AcrobotDynamics.Nips };
        var start = new AcrobotState(0.3, 0.8, 2.0, 0.0);
        book.Reset(0);
        nips.Reset(0);
        book.State = start;
        nips.State = start;
        book.Step(1);
        nips.Step(1);
        // θ̇1 = 2 and sin θ2 ≈ 0.72 make the term the paper leaves out large.
        Assert.True(Math.Abs(book.State.Theta2Dot - nips.State.Theta2Dot) > 1e-3);
    }
}
