using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>Every tabular agent, built for the cliff (48 states × 4 actions) by its factory's name.</summary>
public static class AgentCatalog
{
    public static TheoryData<string> Names => new(TabularAgents.Factories.Select(f => f.Info.Name));

    public static IAgent<int, int> Create(string name, long seed, IReadOnlyDictionary<string, string>? settings = null) =>
        (IAgent<int, int>)TabularAgents.Factories.Single(f => f.Info.Name == name)
            .Create(TestMdps.CliffWalking(), settings ?? new Dictionary<string, string>(), seed);
}
