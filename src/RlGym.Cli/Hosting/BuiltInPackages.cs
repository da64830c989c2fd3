using RlGym.Agents.ContinuousControl;
using RlGym.Agents.PolicyGradient;
using RlGym.Agents.Search.Registration;
using RlGym.Agents.Tabular;
using RlGym.Agents.ValueBased;
using RlGym.Core.Agents;
using RlGym.Core.MultiAgent;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.Games;
using RlGym.Envs.ToyText;
using RlGym.Experiments;
using RlGym.Training.Experiments;

namespace RlGym.Cli.Hosting;

/// <summary>The environment, agent and experiment packages that ship with rlgym; <c>--plugin</c> adds more.</summary>
public static class BuiltInPackages
{
    /// <summary>The built-in environment packages.</summary>
    public static IEnumerable<IEnvPackage> Environments() => [new ToyTextEnvironments(), new ClassicControlEnvironments(), new GameEnvironments()];

    /// <summary>The built-in agent packages.</summary>
    public static IEnumerable<IAgentPackage> Agents() => [new TabularAgents(), new PolicyGradientAgents(), new OnPolicyAgents(), new ValueBasedAgents(), new ContinuousControlAgents(), new SearchAgents()];

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

    /// <summary>The built-in game player packages (minimax, mcts, random, alphazero).</summary>
    public static IEnumerable<IGamePlayerPackage> Players() => [new SearchPlayers()];

    /// <summary>A registry of the built-in game players.</summary>
    public static GamePlayerRegistry PlayerRegistry()
    {
        var r = new GamePlayerRegistry();
        foreach (var p in Players()) r.Add(p);
        return r;
    }

    /// <summary>A registry of the built-in experiments: the Sutton &amp; Barto reproductions.</summary>
    public static ExperimentRegistry ExperimentRegistry() => TextbookExperiments.Register(new ExperimentRegistry());
}
