using RlGym.Agents.Testing;
using RlGym.Core.Agents;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>After warm-up, acting and learning allocate nothing (CartPole's own steps allocate nothing either).</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData("reinforce", 1)]
    [InlineData("reinforce-baseline", 1)]
    [InlineData("actor-critic", 1)]
    [InlineData("a2c", 1)]
    [InlineData("reinforce", 3)]
    [InlineData("a2c", 8)]
    public void Acting_and_learning_allocate_nothing_after_warm_up(string name, int copies)
    {
        using var env = Solving.Make("CartPole-v1");
        var agent = (IAgent<float[], int>)PolicyGradientAgents.Factories.Single(f => f.Info.Name == name)
            .Create(env, new Dictionary<string, string>(), 0);
        // Episodes cut at 50 steps, so warm-up meets truncations (A2C's bootstrap on v(s_{t+1}; w)) too.
        var loop = new VectorLoop<float[], int>(copies, _ => Solving.Make("CartPole-v1"), seed: 0, maxSteps: 50);
        loop.Returns.Capacity = 100_000; // the loop's own record of returns must not grow while measuring
        var probe = env.Reset(1).Observation;
        void Run()
        {
            for (int i = 0; i < 2_000; i++)
            {
                loop.Step(agent);
                agent.Act(probe, explore: false);
            }
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
