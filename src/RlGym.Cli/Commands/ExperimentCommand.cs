using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym experiment</c>.</summary>
public sealed class ExperimentCommand : Command
{
    /// <summary>Creates the command.</summary>
    public ExperimentCommand(CliSession session) : base("experiment", "Experiment")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: experiment is not available yet"); return 1; });
    }
}
