using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym train</c>.</summary>
public sealed class TrainCommand : Command
{
    /// <summary>Creates the command.</summary>
    public TrainCommand(CliSession session) : base("train", "Train")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: train is not available yet"); return 1; });
    }
}
