using RlGym.Agents.PolicyGradient;
using RlGym.Agents.Tabular;
using RlGym.Agents.ValueBased;
using RlGym.Core.Agents;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;
using RlGym.Training.Experiments;

namespace RlGym.Cli.Hosting;

/// <summary>The environment, agent and experiment packages that ship with rlgym; <c>--plugin</c> adds more.</summary>
public static class BuiltInPackages
{
    /// <summary>The built-in environment packages.</summary>
    public static IEnumerable<IEnvPackage> Environments() => [new ToyTextEnvironments(), new ClassicControlEnvironments()];

    /// <summary>The built-in agent packages.</summary>
    public static IEnumerable<IAgentPackage> Agents() => [new TabularAgents(), new PolicyGradientAgents(), new ValueBasedAgents()];

    /// <summary>A registry of the built-in environments.</summary>
    public static EnvRegistry EnvRegistry()
    {
        var r = new EnvRegistry();
        foreach (var p in Environments()) r.Add(p);
        return r;
    }

    /// <summary>A registry of the built-in agents.</summary>
    public static AgentRegistry AgentRegistry()
    {
        var r = new AgentRegistry();
        foreach (var p in Agents()) r.Add(p);
        return r;
    }

    /// <summary>A registry of the built-in experiments (the textbook reproductions register here as they land).</summary>
    public static ExperimentRegistry ExperimentRegistry() => new();
}
