using RlGym.Agents.Tabular.Tests.Mdps;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>Act and Observe allocate nothing once the agent has warmed up.</summary>
public sealed class AllocationTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in TabularAgents.Factories.Select(f => f.Info.Name))
            {
                data.Add(name, "epsilon-greedy");
                data.Add(name, "softmax");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Learning_allocates_nothing_after_warm_up(string name, string exploration)
    {
        var settings = new Dictionary<string, string>
        {
            ["exploration"] = exploration, ["epsilon"] = "0.2", ["epsilon_schedule"] = "exponential", ["alpha"] = "0.3",
        };
        var agent = AgentCatalog.Create(name, seed: 1, settings);
        var env = TestMdps.CliffWalking();
        Loop.Train(agent, env, episodes: 30, seed: 1, maxSteps: 300);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Loop.Train(agent, env, episodes: 30, seed: null, maxSteps: 300); // reseeding would allocate a generator in the env
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
