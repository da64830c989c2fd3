using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>After warm-up, acting and learning allocate nothing (CartPole's own steps allocate nothing either).</summary>
public sealed class AllocationTests
{
    private static void Run(IAgent<float[], int> agent, IEnv<float[], int> env, int steps)
    {
        var obs = env.Reset().Observation;
        for (int i = 0; i < steps; i++)
        {
            int a = agent.Act(obs, explore: true);
            var r = env.Step(a);
            agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            obs = r.Observation;
            if (r.Done)
            {
                agent.EndEpisode();
                obs = env.Reset().Observation;
            }
            agent.Act(obs, explore: false);
        }
    }

    [Theory]
    [InlineData("reinforce")]
    [InlineData("reinforce-baseline")]
    [InlineData("actor-critic")]
    [InlineData("a2c")]
    public void Acting_and_learning_allocate_nothing_after_warm_up(string name)
    {
        using var env = Solving.Make("CartPole-v1");
        env.Reset(0);
        var agent = (IAgent<float[], int>)PolicyGradientAgents.Factories.Single(f => f.Info.Name == name)
            .Create(env, new Dictionary<string, string>(), 0);
        Run(agent, env, 2_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(agent, env, 2_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
