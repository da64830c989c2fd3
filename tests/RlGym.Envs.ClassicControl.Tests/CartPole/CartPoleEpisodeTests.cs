using RlGym.Core.Environments;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.CartPole;

public sealed class CartPoleEpisodeTests
{
    private static readonly double TwelveDegrees = 12 * 2 * Math.PI / 360;

    private static CartPoleEnv At(CartPoleState state, bool suttonBarto = false)
    {
        var env = new CartPoleEnv(suttonBarto);
        env.Reset(0);
        env.State = state;
        return env;
    }

    [Theory]
    [InlineData(2.4)]
    [InlineData(-2.4)]
    public void Cart_exactly_at_the_track_limit_is_still_alive(double x)
    {
        // Euler moves x with the old velocity, 0, so after the step x is exactly ±2.4.
        var env = At(new CartPoleState(x, 0, 0, 0));
        var r = env.Step(x > 0 ? 1 : 0);
        Assert.Equal(x, env.State.X);
        Assert.False(r.Terminated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Pole_exactly_at_twelve_degrees_is_still_alive(int sign)
    {
        var env = At(new CartPoleState(0, 0, sign * TwelveDegrees, 0));
        var r = env.Step(sign > 0 ? 1 : 0);
        Assert.Equal(sign * TwelveDegrees, env.State.Theta);
        Assert.False(r.Terminated);
    }

    [Theory]
    [InlineData(2.4, 0.0, 1e-9, 0.0)]
    [InlineData(-2.4, 0.0, -1e-9, 0.0)]
    public void Cart_just_past_the_track_limit_terminates(double x, double theta, double xDot, double thetaDot)
    {
        // x moves by 0.02 * 1e-9: just past the limit.
        var r = At(new CartPoleState(x, xDot, theta, thetaDot)).Step(0);
        Assert.True(r.Terminated);
    }

    [Fact]
    public void Pole_just_past_twelve_degrees_terminates()
    {
        var r = At(new CartPoleState(0, 0, TwelveDegrees, 1e-9)).Step(1);
        Assert.True(r.Terminated);
    }

    [Fact]
    public void Reward_is_one_on_every_step_including_the_terminating_one_and_zero_after_it()
    {
        var env = new CartPoleEnv();
        env.Reset(11);
        var rewards = new List<double>();
        StepResult<float[]> r;
        do
        {
            r = env.Step(1);
            rewards.Add(r.Reward);
        } while (!r.Terminated);
        Assert.All(rewards, x => Assert.Equal(1.0, x));

        var after = env.Step(1);
        Assert.True(after.Terminated);
        Assert.Equal(0.0, after.Reward);
        Assert.Equal(0.0, env.Step(0).Reward);

        env.Reset();
        Assert.Equal(1.0, env.Step(1).Reward);
    }

    [Fact]
    public void Sutton_barto_reward_is_zero_per_step_and_minus_one_on_termination()
    {
        var env = (IEnv<float[], int>)Registry.Create().Make("CartPole-v1", Registry.Options(("sutton_barto_reward", "true")));
        var bare = (CartPoleEnv)env.Unwrapped;
        Assert.True(bare.SuttonBartoReward);
        env.Reset(3);
        var rewards = new List<double>();
        StepResult<float[]> r;
        do
        {
            r = env.Step(0);
            rewards.Add(r.Reward);
        } while (!r.Terminated);
        Assert.All(rewards.Take(rewards.Count - 1), x => Assert.Equal(0.0, x));
        Assert.Equal(-1.0, rewards[^1]);
        Assert.Equal(-1.0, bare.Step(0).Reward);
    }

    [Theory]
    [InlineData("CartPole-v1", 500)]
    [InlineData("CartPole-v0", 200)]
    public void The_registry_truncates_a_balanced_pole_at_the_time_limit(string id, int limit)
    {
        var env = Registry.Create().Make<float[], int>(id);
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            var obs = env.Reset(seed).Observation;
            double total = 0;
            int steps = 0;
            StepResult<float[]> r;
            do
            {
                int action = 0.05 * obs[0] + 0.1 * obs[1] + obs[2] + 0.5 * obs[3] > 0 ? 1 : 0;
                r = env.Step(action);
                obs = r.Observation;
                total += r.Reward;
                steps++;
            } while (!r.Done);
            Assert.Equal(limit, steps);
            Assert.True(r.Truncated);
            Assert.False(r.Terminated);
            Assert.Equal(limit, total);
        }
    }

    [Fact]
    public void Stepping_past_the_end_through_the_registry_is_refused()
    {
        var env = Registry.Create().Make<float[], int>("CartPole-v1");
        env.Reset(4);
        while (!env.Step(1).Done) { }
        Assert.Throws<InvalidOperationException>(() => env.Step(1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void An_action_outside_discrete_two_is_refused(int action)
    {
        var env = new CartPoleEnv();
        env.Reset(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(action));
    }

    [Fact]
    public void Stepping_before_reset_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new CartPoleEnv().Step(0));
    }
}
