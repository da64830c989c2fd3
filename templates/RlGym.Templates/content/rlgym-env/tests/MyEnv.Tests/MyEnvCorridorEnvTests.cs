using RlGym.Core.Checking;
using RlGym.Core.Registration;
using Xunit;

namespace MyEnv.Tests;

public sealed class MyEnvCorridorEnvTests
{
    private static readonly EnvRegistry Registry = new EnvRegistry().Add(new MyEnvEnvironments());

    [Fact]
    public void Passes_every_check_of_the_environment_checker()
    {
        var report = EnvChecker.Check(Registry.Make("MyEnvCorridor-v0"), seed: 0);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Walking_right_reaches_the_goal_in_length_minus_one_steps()
    {
        using var env = Registry.Make<int, int>("MyEnvCorridor-v0", EnvOptions.Parse(["length=6"]));
        env.Reset(seed: 1);
        double total = 0;
        for (int step = 1; step <= 5; step++)
        {
            var r = env.Step(1);
            total += r.Reward;
            Assert.Equal(step, r.Observation);
            Assert.Equal(step == 5, r.Terminated);
        }
        Assert.Equal(1.0, total);
    }

    [Fact]
    public void The_same_seed_gives_the_same_slippery_trajectory()
    {
        static int[] Rollout(long seed)
        {
            using var env = Registry.Make<int, int>("MyEnvCorridor-v0", EnvOptions.Parse(["slip=0.3"]));
            var states = new List<int> { env.Reset(seed).Observation };
            for (int i = 0; i < 30; i++)
            {
                var r = env.Step(1);
                states.Add(r.Observation);
                if (r.Terminated || r.Truncated) states.Add(env.Reset().Observation);
            }
            return [.. states];
        }
        Assert.Equal(Rollout(7), Rollout(7));
    }
}
