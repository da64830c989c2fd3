using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym check</c>.</summary>
public sealed class CheckCommand : Command
{
    /// <summary>Creates the command.</summary>
    public CheckCommand(CliSession session) : base("check", "Run the environment checker")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: check is not available yet"); return 1; });
    }
}
