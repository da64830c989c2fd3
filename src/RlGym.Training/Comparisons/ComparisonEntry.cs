using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Training.Comparisons;

/// <summary>
/// One contender of a comparison: a label, how to make its environment, and how to make the agent for an environment
/// and an agent seed. Both factories are called once per seed, possibly from several threads at once, so they must
/// not share mutable state.
/// </summary>
public sealed record ComparisonEntry(string Label, Func<IEnv> MakeEnv, Func<IEnv, long, IAgent> MakeAgent, int Envs = 1);
