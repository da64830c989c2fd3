using System.CommandLine;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym experiment NAME</c>: reproduces a figure of the textbook. The experiments live in RlGym.Training;
/// until their registry lands this command knows none and says so.
/// </summary>
public sealed class ExperimentCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Experiment name" };
    private readonly Option<int?> _seeds = new("--seeds") { Description = "Seeds (default: the experiment's)", HelpName = "N" };
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public ExperimentCommand(CliSession session) : base("experiment", "Run a textbook experiment")
    {
        Arguments.Add(_name);
        Options.Add(_seeds);
        Options.Add(_json);
        SetAction(parse =>
        {
            string name = parse.GetValue(_name)!;
            throw new UserInputException($"unknown experiment '{name}'; no experiments are registered in this build yet");
#pragma warning disable CS0162 // session is used once the experiments registry is wired in.
            return session is null ? 1 : 0;
#pragma warning restore CS0162
        });
    }
}
