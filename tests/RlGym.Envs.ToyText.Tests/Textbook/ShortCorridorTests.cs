using RlGym.Envs.ToyText.Tests.Support;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Envs.ToyText.Tests.Textbook;

public sealed class ShortCorridorTests
{
    private const int Left = 0, Right = 1;

    [Fact]
    public void Middle_state_switches_the_actions()
    {
        var env = new ShortCorridorEnv();
        Assert.Equal(0, env.Reset(0).Observation);
        Assert.Equal(0, env.Step(Left).Observation);
        Assert.Equal(1, env.Step(Right).Observation);
        Assert.Equal(0, env.Step(Right).Observation);
        env.Step(Right);
        Assert.Equal(2, env.Step(Left).Observation);
        var r = env.Step(Right);
        Assert.Equal((3, -1.0, true), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void Start_value_under_p_right_0_59_is_minus_11_6_as_in_example_13_1()
    {
        var env = new ShortCorridorEnv();
        var v = ModelSolver.PolicyValues(env, (_, a) => a == Right ? 0.59 : 0.41);
        // The book reads ≈ −11.6 off its figure; the exact value at p = 0.59 is −11.6577.
        Assert.Equal(-11.6577, v[0], 4);
        Assert.Equal(v[0], ShortCorridorEnv.StartValue(0.59), 9);
    }

    [Fact]
    public void Best_state_blind_policy_goes_right_with_probability_two_minus_root_two()
    {
        double best = double.NegativeInfinity, bestP = 0;
        for (int i = 1; i < 1000; i++)
        {
            double p = i / 1000.0, v = ShortCorridorEnv.StartValue(p);
            if (v > best) (best, bestP) = (v, p);
        }
        Assert.Equal(2 - Math.Sqrt(2), bestP, 3);
        Assert.Equal(-11.657, best, 3);
    }

    [Fact]
    public void Registry_truncates_a_policy_that_never_arrives()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("ShortCorridor-v0");
        env.Reset(0);
        int steps = 1;
        while (!env.Step(Left).Done) steps++;
        Assert.Equal(1000, steps);
    }
}
