using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary>
/// The command tree of <c>rlgym</c>. Each command is one file in this folder; a new command is a class deriving from <see cref="Command"/> added to the list below.
/// </summary>
public static class CommandTree
{
    /// <summary>Builds the root command with every subcommand and the global options.</summary>
    public static RootCommand Build(CliSession session, GlobalOptions global)
    {
        var root = new RootCommand("rlgym: a reinforcement-learning gym. Environments, agents, training and experiments.");
        root.Options.Add(global.Plugins);
        root.Options.Add(global.Verbose);
        Command[] commands =
        [
            new EnvsCommand(session),
            new CheckCommand(session),
            new RolloutCommand(session),
            new PlanCommand(session),
            new AgentsCommand(session),
            new TrainCommand(session),
            new EvalCommand(session),
            new CompareCommand(session),
            new SweepCommand(session),
            new WorkerCommand(session),
            new ExperimentCommand(session),
            new RenderCommand(session),
            new WatchCommand(session),
            new BenchCommand(session),
            new ServeCommand(session),
            new ArenaCommand(session),
            new PlayCommand(session),
        ];
        foreach (var c in commands) root.Subcommands.Add(c);
        return root;
    }
}
