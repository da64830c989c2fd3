using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>Every tabular agent, built by its factory's name for an environment (the cliff unless told).</summary>
public static class AgentCatalog
{
    public static TheoryData<string> Names => new(TabularAgents.Factories.Select(f => f.Info.Name));

    public static IAgent<int, int> Create(string name, long seed, IReadOnlyDictionary<string, string>? settings = null, IEnv? env = null) =>
        (IAgent<int, int>)TabularAgents.Factories.Single(f => f.Info.Name == name)
            .Create(env ?? TestMdps.CliffWalking(), settings ?? new Dictionary<string, string>(), seed);
}
