using RlGym.Envs.ToyText.Tests.Support;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Envs.ToyText.Tests.Textbook;

public sealed class MaximizationBiasTests
{
    private const int A = MaximizationBiasEnv.StateA, B = MaximizationBiasEnv.StateB;

    [Fact]
    public void Right_from_A_ends_with_zero_and_left_goes_to_B_with_zero()
    {
        var env = new MaximizationBiasEnv();
        Assert.Equal(A, env.Reset(0).Observation);
        var r = env.Step(MaximizationBiasEnv.Right);
        Assert.Equal((MaximizationBiasEnv.RightEnd, 0.0, true), (r.Observation, r.Reward, r.Terminated));
        env.Reset();
        r = env.Step(MaximizationBiasEnv.Left);
        Assert.Equal((B, 0.0, false), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void Every_action_of_B_ends_with_a_normal_reward_of_mean_minus_0_1()
    {
        // 20 000 draws of sd 1: standard error 0.007, so ±0.03 is over 4 standard errors; sd within ±0.03 too.
        var env = new MaximizationBiasEnv();
        env.Reset(17);
        var rewards = new List<double>();
        for (int i = 0; i < 20_000; i++)
        {
            env.SetState(B);
            var r = env.Step(i % 10);
            Assert.True(r.Terminated);
            Assert.Equal(MaximizationBiasEnv.LeftEnd, r.Observation);
            rewards.Add(r.Reward);
        }
        double mean = rewards.Average();
        double sd = Math.Sqrt(rewards.Average(x => (x - mean) * (x - mean)));
        Assert.Equal(-0.1, mean, 0.03);
        Assert.Equal(1.0, sd, 0.03);
        Assert.Equal(-0.1, env.Outcomes(B, 3)[0].Reward);
    }

    [Fact]
    public void B_has_b_actions_and_A_only_two()
    {
        var env = (MaximizationBiasEnv)ToyTextRegistry.Create().Make("MaximizationBias-v0", ToyTextRegistry.Options("b_actions=4")).Unwrapped;
        Assert.Equal("Discrete(4)", env.ActionSpace.ToString());
        Assert.Equal(2, env.ValidActionCount(A));
        Assert.Equal(4, env.ValidActionCount(B));
        Assert.False(env.IsValidAction(A, 2));
        Assert.True(env.IsValidAction(B, 3));
    }

    [Fact]
    public void Actions_beyond_left_are_refused_in_A_with_a_clear_message()
    {
        var env = new MaximizationBiasEnv();
        env.Reset(0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(5));
        Assert.Contains("A has actions 0 right and 1 left", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Outcomes(A, 5));
    }

    [Fact]
    public void Going_right_is_optimal_from_A()
    {
        var v = ModelSolver.FiniteHorizonOptimalValues(new MaximizationBiasEnv(), 2);
        Assert.Equal(0.0, v[A]);
        Assert.Equal(-0.1, v[B], 12);
    }
}
