using System.CommandLine;
using System.Globalization;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Cli.Runs;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Rendering.Live;
using RlGym.Rendering.Recording;
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
    private readonly Option<bool> _best = new("--best") { Description = "Evaluate best-agent.bin, the agent of the run's best greedy evaluation, instead of agent.bin" };
    private readonly Option<string?> _record = new("--record") { Description = "Record evaluation episodes 0, 1, 8, 27, ... to PATH: a directory of PNG frames, or .mp4/.gif (ffmpeg)", HelpName = "PATH" };

    /// <summary>Creates the command.</summary>
    public EvalCommand(CliSession session) : base("eval", "Evaluate the trained agent of a run directory")
    {
        Arguments.Add(_dir);
        Options.Add(_episodes);
        Options.Add(_seed);
        Options.Add(_json);
        Options.Add(_best);
        Options.Add(_record);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var dir = new RunDirectory(parse.GetValue(_dir)!);
        int episodes = parse.GetValue(_episodes);
        if (episodes < 1) throw new UserInputException($"--episodes {episodes} is not allowed; use 1 or more");
        string? record = parse.GetValue(_record);
        if (record is not null) RecordingTarget.FormatOf(record);
        using var run = SavedAgent.Open(session, dir.Path, parse.GetValue(_best));
        var (config, env, agent) = (run.Config, run.Env, run.Agent);
        ct.ThrowIfCancellationRequested();
        long seed = parse.GetValue(_seed) ?? Seeds.Evaluation(config.Seed);
        var result = record is null ? Evaluator.Run(env, agent, episodes, seed) : EvaluateRecorded(env, agent, episodes, seed, record, ct);

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

    /// <summary>
    /// The same evaluation, seen by the recorder through <see cref="ObservedEnv"/>: the numbers do not change, and
    /// the recorded episodes are the evaluated ones.
    /// </summary>
    private static EvaluationResult EvaluateRecorded(IEnv env, IAgent agent, int episodes, long seed, string record, CancellationToken ct)
    {
        EvaluationResult? result = null;
        RenderCommand.WriteOrExplain(record, () => LiveView.Run(env, agent, new LiveViewOptions(RecordPath: record),
            (observer, token) => result = Evaluator.Run(ObservedEnv.Wrap(env, observer, token), agent, episodes, seed), ct));
        ct.ThrowIfCancellationRequested();
        return result ?? throw new InvalidOperationException("The recorder returned without running the evaluation.");
    }
}
