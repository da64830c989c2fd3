using System.CommandLine;
using System.Globalization;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Cli.Runs;
using RlGym.Core.Errors;
using RlGym.Training;
using RlGym.Training.Evaluation;
using RlGym.Training.Runs;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym eval DIR</c>: runs the trained agent of a run directory greedily on a fresh environment and reports the
/// mean ± standard deviation of the return and the success rate (episodes whose return reaches the environment's
/// reward threshold). <c>--json</c> prints <c>{"episodes":N,"mean_return":m,"std_return":s,"success_rate":r}</c>.
/// </summary>
public sealed class EvalCommand : Command
{
    private readonly Argument<string> _dir = new("DIR") { Description = "Run directory written by 'rlgym train'" };
    private readonly Option<int> _episodes = new("--episodes", "-n") { Description = "Evaluation episodes", DefaultValueFactory = _ => 100, HelpName = "N" };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the first evaluation reset (default: derived from the run's seed)");
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public EvalCommand(CliSession session) : base("eval", "Evaluate the trained agent of a run directory")
    {
        Arguments.Add(_dir);
        Options.Add(_episodes);
        Options.Add(_seed);
        Options.Add(_json);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var dir = new RunDirectory(parse.GetValue(_dir)!);
        int episodes = parse.GetValue(_episodes);
        if (episodes < 1) throw new UserInputException($"--episodes {episodes} is not allowed; use 1 or more");
        var config = dir.ReadConfig();
        session.EnsurePlugins(config.Plugins);
        var setup = RunSetup.Of(session);
        using var env = setup.MakeEnv(config);
        var agent = setup.MakeAgent(config, env, Seeds.Agent(config.Seed));
        dir.LoadAgent(agent);
        ct.ThrowIfCancellationRequested();
        long seed = parse.GetValue(_seed) ?? Seeds.Evaluation(config.Seed);
        var result = Evaluator.Run(env, agent, episodes, seed);

        if (parse.GetValue(_json))
        {
            new JsonOutput(session.Out).Write(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("episodes", result.Episodes);
                JsonOutput.Number(json, "mean_return", result.Mean);
                JsonOutput.Number(json, "std_return", result.StandardDeviation);
                if (result.SuccessRate is { } r) JsonOutput.Number(json, "success_rate", r);
                else json.WriteNull("success_rate");
                json.WriteEndObject();
            });
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        session.Out.WriteLine($"{config.Env} / {config.Agent}: mean return {result.Mean.ToString("0.000", inv)} ± {result.StandardDeviation.ToString("0.000", inv)} (std) over {result.Episodes} episodes, seed {seed}");
        if (result.SuccessRate is { } rate)
            session.Out.WriteLine($"success rate {(100 * rate).ToString("0.#", inv)}% (return ≥ {result.Threshold!.Value.ToString("R", inv)}); {(result.Solved == true ? "solved" : "not solved")}: the mean {(result.Solved == true ? "reaches" : "is below")} the threshold");
        return 0;
    }
}
