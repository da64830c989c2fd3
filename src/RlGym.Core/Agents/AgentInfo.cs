namespace RlGym.Core.Agents;

/// <summary>A hyperparameter as <c>rlgym agents</c> lists it.</summary>
public sealed record HyperparameterInfo(string Name, string Type, string Default, string Description, string? Range);

/// <summary>What an agent is, what it accepts and its hyperparameters.</summary>
public sealed record AgentInfo(string Name, string Description, string Accepts, IReadOnlyList<HyperparameterInfo> Hyperparameters);
