using RlGym.Cli.Hosting;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Wrappers;
using RlGym.Training.Runs;

namespace RlGym.Cli.Runs;

/// <summary>
/// Builds what a <see cref="RunConfig"/> describes, the same way for train, eval, compare and resume: the environment
/// with its options, time limit and wrappers, and the agent from its factory (refused, with the factory's reason,
/// when it cannot handle the environment's spaces).
/// </summary>
public sealed class RunSetup(EnvRegistry envs, AgentRegistry agents)
{
    private readonly WrapperCatalog _wrappers = new();

    /// <summary>The setup of a session's registries.</summary>
    public static RunSetup Of(CliSession session) => new(session.Envs, session.Agents);

    /// <summary>Makes the environment of <paramref name="config"/>.</summary>
    public IEnv MakeEnv(RunConfig config)
    {
        var env = envs.Make(config.Env, new EnvOptions(config.EnvOptions), config.MaxEpisodeSteps);
        try
        {
            return _wrappers.Apply(env, config.Wrappers);
        }
        catch
        {
            env.Dispose();
            throw;
        }
    }

    /// <summary>The agent factory of <paramref name="config"/>, after checking that it accepts <paramref name="env"/>.</summary>
    public IAgentFactory Factory(RunConfig config, IEnv env)
    {
        var factory = agents.Get(config.Agent);
        if (factory.Refusal(env) is { } refusal)
            throw new UserInputException($"agent {config.Agent} cannot train on {config.Env}: {refusal}");
        return factory;
    }

    /// <summary>Makes the agent of <paramref name="config"/> for <paramref name="env"/> with <paramref name="seed"/>.</summary>
    public IAgent MakeAgent(RunConfig config, IEnv env, long seed) => Factory(config, env).Create(env, config.Settings, seed);
}
