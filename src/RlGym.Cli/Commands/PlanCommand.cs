using System.CommandLine;
using RlGym.Cli.Hosting;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym plan</c>.</summary>
public sealed class PlanCommand : Command
{
    /// <summary>Creates the command.</summary>
    public PlanCommand(CliSession session) : base("plan", "Plan")
    {
        SetAction(_ => { session.Error.WriteLine("rlgym: plan is not available yet"); return 1; });
    }
}
