namespace RlGym.Core.Agents;

/// <summary>A hyperparameter as <c>rlgym agents</c> lists it.</summary>
public sealed record HyperparameterInfo(string Name, string Type, string Default, string Description, string? Range);

/// <summary>
/// What an agent is, what it accepts, its hyperparameters, and how many environment copies it trains on when the run
/// does not say (<c>--envs</c>): 1 for most agents, 8 for A2C.
/// </summary>
public sealed record AgentInfo(string Name, string Description, string Accepts, IReadOnlyList<HyperparameterInfo> Hyperparameters, int DefaultEnvs = 1);
