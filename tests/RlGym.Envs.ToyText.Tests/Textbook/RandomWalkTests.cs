using RlGym.Envs.ToyText.Tests.Support;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Envs.ToyText.Tests.Textbook;

public sealed class RandomWalkTests
{
    [Fact]
    public void Nineteen_states_and_two_ends_start_in_the_middle()
    {
        var env = new RandomWalkEnv();
        Assert.Equal("Discrete(21)", env.ObservationSpace.ToString());
        Assert.Equal("Discrete(1)", env.ActionSpace.ToString());
        Assert.Equal(10, env.Reset(0).Observation);
        Assert.True(env.IsTerminal(0));
        Assert.True(env.IsTerminal(20));
    }

    [Fact]
    public void True_values_of_the_19_state_walk_are_i_over_10_minus_1()
    {
        var env = new RandomWalkEnv();
        for (int i = 1; i <= 19; i++) Assert.Equal(i / 10.0 - 1, env.TrueValues[i], 12);
        // And they are what the model's Bellman equations give.
        var solved = ModelSolver.PolicyValues(env, (_, _) => 1.0);
        for (int i = 0; i <= 20; i++) Assert.Equal(env.TrueValues[i], solved[i], 9);
    }

    [Fact]
    public void Example_6_2_walk_has_values_one_sixth_to_five_sixths()
    {
        var env = (RandomWalkEnv)ToyTextRegistry.Create()
            .Make("RandomWalk-v0", ToyTextRegistry.Options("states=5", "left_reward=0")).Unwrapped;
        Assert.Equal(3, env.Reset(0).Observation);
        for (int i = 1; i <= 5; i++) Assert.Equal(i / 6.0, env.TrueValues[i], 12);
    }

    [Fact]
    public void Ends_pay_minus_one_on_the_left_and_plus_one_on_the_right()
    {
        var env = new RandomWalkEnv();
        Assert.Contains(env.Outcomes(1, 0), o => o is { NextState: 0, Reward: -1, Terminal: true });
        Assert.Contains(env.Outcomes(19, 0), o => o is { NextState: 20, Reward: 1, Terminal: true });
        Assert.All(env.Outcomes(10, 0), o => Assert.Equal((0.5, 0.0, false), (o.Probability, o.Reward, o.Terminal)));
    }

    [Fact]
    public void Monte_carlo_returns_from_the_middle_average_to_its_true_value_zero()
    {
        // 4 000 episodes of ±1 returns: standard error 0.016, so ±0.06 is nearly 4 standard errors.
        var env = new RandomWalkEnv();
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            env.Reset(seed);
            double sum = 0;
            for (int e = 0; e < 4000; e++)
            {
                if (e > 0) env.Reset();
                while (true)
                {
                    var r = env.Step(0);
                    if (r.Terminated) { sum += r.Reward; break; }
                }
            }
            Assert.Equal(0.0, sum / 4000, 0.06);
        }
    }
}
