using RlGym.Cli.Hosting;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Wrappers;
using RlGym.Training;
using RlGym.Training.Checkpoints;
using RlGym.Training.Runs;

namespace RlGym.Cli.Runs;

/// <summary>
/// The trained agent of a run directory with a fresh environment built as the run's config.json says (options,
/// time limit, wrappers, plugins), for eval, render and watch. The statistics of fitted wrappers (an observation
/// normaliser's) are those saved with the agent, frozen. Disposing it disposes the environment.
/// </summary>
public sealed class SavedAgent : IDisposable
{
    private SavedAgent(RunDirectory directory, RunConfig config, IEnv env, IAgent agent) =>
        (Directory, Config, Env, Agent) = (directory, config, env, agent);

    /// <summary>The run directory.</summary>
    public RunDirectory Directory { get; }

    /// <summary>The run's configuration.</summary>
    public RunConfig Config { get; }

    /// <summary>A fresh environment of the run.</summary>
    public IEnv Env { get; }

    /// <summary>The agent as saved in <c>agent.bin</c>.</summary>
    public IAgent Agent { get; }

    /// <summary>
    /// Reads the run in <paramref name="path"/>: its <c>agent.bin</c>, or <c>best-agent.bin</c> (the agent of the
    /// best greedy evaluation) when <paramref name="best"/>. A run stopped before it wrote <c>agent.bin</c> (killed,
    /// disk full) still has the agent of its last checkpoint, which is used and said so. A directory without a run or
    /// an agent is a user mistake.
    /// </summary>
    public static SavedAgent Open(CliSession session, string path, bool best = false)
    {
        var dir = new RunDirectory(path);
        var config = dir.ReadConfig();
        session.EnsurePlugins(config.Plugins);
        var setup = RunSetup.Of(session);
        var env = setup.MakeEnv(config);
        bool restored = false;
        try
        {
            var agent = setup.MakeAgent(config, env, Seeds.Agent(config.Seed));
            if (best)
            {
                if (!File.Exists(dir.BestAgentPath))
                    throw new Core.Errors.UserInputException($"'{dir.Path}' has no {RunDirectory.BestAgentFileName}: a run saves one only when it evaluates (train with --eval-every N)");
                AgentFile.Load(dir.BestAgentPath, config.Agent, () =>
                {
                    using var fs = File.OpenRead(dir.BestAgentPath);
                    agent.Load(fs);
                    restored = dir.RestoreWrapperStatistics(env, RunDirectory.BestAgentFileName);
                });
            }
            else if (!File.Exists(dir.AgentPath) && dir.Checkpoints.Exists)
            {
                var checkpoint = dir.Checkpoints.Load(config.Env, config.Agent);
                AgentFile.Load(dir.Checkpoints.FilePath, config.Agent, () =>
                {
                    agent.Load(new MemoryStream(checkpoint.Agent, writable: false));
                    restored = RestoreFromCheckpoint(env, checkpoint);
                });
                session.Error.WriteLine($"rlgym: '{dir.Path}' has no {RunDirectory.AgentFileName} (the run stopped before writing it); using the agent of its last checkpoint, at episode {checkpoint.Episode}");
            }
            else AgentFile.Load(dir.AgentPath, config.Agent, () =>
            {
                dir.LoadAgent(agent);
                restored = dir.RestoreWrapperStatistics(env);
            });
            if (!restored && WrapperStatistics.Of(env).Count > 0)
                session.Error.WriteLine($"rlgym: '{dir.Path}' holds no observation statistics for its agent (it was trained before runs saved them); they are fitted afresh from these episodes, so returns may differ from training's");
            return new SavedAgent(dir, config, env, agent);
        }
        catch
        {
            env.Dispose();
            throw;
        }
    }

    /// <summary>Copy 0's fitted wrapper statistics, as the checkpoint holds them with the rest of its state, frozen.</summary>
    private static bool RestoreFromCheckpoint(IEnv env, Checkpoint checkpoint)
    {
        if (WrapperStatistics.Of(env).Count == 0 || checkpoint.Copies.Count == 0 || checkpoint.Copies[0].State is not { } state) return false;
        EnvState.Restore(env, state);
        foreach (var fitted in WrapperStatistics.Of(env)) fitted.Fitting = false;
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => Env.Dispose();
}
