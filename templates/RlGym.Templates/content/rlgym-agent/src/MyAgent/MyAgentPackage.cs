using RlGym.Core.Agents;

namespace MyAgent;

/// <summary>
/// Registers this package's agents. <c>rlgym --plugin path/to/MyAgent.dll …</c> finds every public
/// <see cref="IAgentPackage"/> with a parameterless constructor in the assembly; in code,
/// <c>new AgentRegistry().Add(new MyAgentPackage())</c>.
/// </summary>
public sealed class MyAgentPackage : IAgentPackage
{
    /// <inheritdoc />
    public void Register(AgentRegistry registry) => registry.Register(new MyAgentFactory());
}
