using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym eval</c>.</summary>
public sealed class EvalCommand : Command
{
    /// <summary>Creates the command.</summary>
    public EvalCommand(CliSession session) : base("eval", "Eval")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: eval is not available yet"); return 1; });
    }
}
