using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym compare</c>.</summary>
public sealed class CompareCommand : Command
{
    /// <summary>Creates the command.</summary>
    public CompareCommand(CliSession session) : base("compare", "Compare")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: compare is not available yet"); return 1; });
    }
}
