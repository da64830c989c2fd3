using RlGym.Core.Environments;

namespace RlGym.Core.Agents;

/// <summary>
/// Builds an agent for an environment by name. Each agent project registers one factory per agent; a user's
/// assembly can add more (<see cref="IAgentPackage"/>).
/// </summary>
public interface IAgentFactory
{
    /// <summary>The name, description and hyperparameters.</summary>
    AgentInfo Info { get; }

    /// <summary>
    /// Null when the agent can handle the environment's spaces; otherwise one line saying why not and which
    /// wrapper would make it work (e.g. <c>DiscretizeObservation</c> for a tabular agent on CartPole).
    /// </summary>
    string? Refusal(IEnv env);

    /// <summary>
    /// Creates the agent. <paramref name="settings"/> are <c>--set key=value</c> overrides of the options record's
    /// defaults (unknown keys and out-of-range values throw <see cref="Errors.UserInputException"/>).
    /// </summary>
    IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed);
}

/// <summary>A set of agents to register (each agent project has one; so can a plugin assembly).</summary>
public interface IAgentPackage
{
    /// <summary>Adds the package's agents.</summary>
    void Register(AgentRegistry registry);
}
