using System.CommandLine;
using System.Text.Json;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Cli.Runs;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym rollout ID</c>: runs episodes and prints each reset and step as a JSON line, in Gymnasium's terms.
/// <para>
/// A reset prints <c>{"episode":0,"step":0,"observation":...,"info":{}}</c>; a step prints
/// <c>{"episode":0,"step":1,"action":1,"observation":...,"reward":1,"terminated":false,"truncated":false}</c>.
/// A Discrete observation or action prints as a bare int (as Gymnasium returns a Python int); a Box or
/// MultiDiscrete one as a list. Numbers round-trip exactly: float32 as the shortest text that reads back as the
/// same float32, rewards as the shortest text of the double.
/// </para>
/// <para>
/// <c>--seed</c> seeds the first reset only; later episodes continue the environment's stream, as in Gymnasium.
/// <c>--policy random</c> samples actions from a generator of their own, derived from the seed (never the
/// environment's), so the actions do not correlate with the environment's draws.
/// With <c>--actions</c> every episode replays the list from its start and stops where the list or the episode ends.
/// </para>
/// <para>
/// A demonstrator's episodes, for behaviour cloning: <c>--policy plan</c> acts by the optimal policy of a tabular
/// environment (value iteration, γ = 0.99, as <c>rlgym plan</c>), and <c>--policy DIR</c> by the greedy policy of the
/// trained agent of a run directory, in that run's environment (its options and wrappers).
/// </para>
/// </summary>
public sealed class RolloutCommand : Command
{
    private readonly Argument<string> _id = CommonOptions.EnvId();
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the first reset (later episodes continue its stream) and of --policy random");
    private readonly Option<int> _episodes = new("--episodes", "-n") { Description = "Episodes to run", DefaultValueFactory = _ => 1, HelpName = "N" };
    private readonly Option<string?> _actions = new("--actions") { Description = "Actions to replay in every episode, e.g. 0,1,1 (vector actions: 0.5,1;0,-1)", HelpName = "list" };
    private readonly Option<string?> _policy = new("--policy") { Description = "How to choose actions when --actions is not given: random (the default), plan (a tabular environment's optimal policy) or a run directory (its trained agent, greedily)", HelpName = "random|plan|DIR" };
    private readonly Option<int?> _maxSteps = new("--max-steps") { Description = "Truncate episodes after N steps (overrides the environment's limit)", HelpName = "N" };
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();

    /// <summary>Creates the command.</summary>
    public RolloutCommand(CliSession session) : base("rollout", "Run episodes and print every reset and step as JSON Lines")
    {
        Arguments.Add(_id);
        Options.Add(_seed);
        Options.Add(_episodes);
        Options.Add(_actions);
        Options.Add(_policy);
        Options.Add(_maxSteps);
        Options.Add(_options);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string id = parse.GetValue(_id)!;
        long? seed = parse.GetValue(_seed);
        int episodes = parse.GetValue(_episodes);
        string? actionText = parse.GetValue(_actions);
        int? maxSteps = parse.GetValue(_maxSteps);
        if (episodes < 1) throw new UserInputException($"--episodes {episodes} is not allowed; use 1 or more");
        if (maxSteps is < 1) throw new UserInputException($"--max-steps {maxSteps} is not allowed; use 1 or more");
        if (actionText is not null && parse.GetValue(_policy) is not null)
            throw new UserInputException("--actions and --policy cannot be used together");

        string? policy = parse.GetValue(_policy);
        using var demonstrator = DemonstratorPolicy.Open(session, id, policy, parse.GetValue(_options), maxSteps);
        using var made = demonstrator is null ? session.Envs.Make(id, CommonOptions.ParseEnvOptions(parse.GetValue(_options)), maxSteps) : null;
        var env = demonstrator?.Env ?? made!;
        var actions = actionText is null ? null : SpaceText.ParseActions(actionText, env.ActionSpace);
        if (seed is { } s) env.ActionSpace.Seed(Seeds.Actions(s));

        var output = new JsonOutput(session.Out);
        for (int episode = 0; episode < episodes; episode++)
        {
            ct.ThrowIfCancellationRequested();
            var reset = episode == 0 ? env.ResetBoxed(seed) : env.ResetBoxed();
            output.Write(json => WriteReset(json, episode, reset));
            var observation = reset.Observation;
            for (int step = 0; actions is null || step < actions.Length; step++)
            {
                ct.ThrowIfCancellationRequested();
                var action = actions?[step] ?? demonstrator?.Act(observation) ?? env.ActionSpace.SampleBoxed();
                var result = env.StepBoxed(action);
                output.Write(json => WriteStep(json, episode, step + 1, action, result));
                observation = result.Observation;
                if (result.Done) break;
            }
        }
        return 0;
    }

    private static void WriteReset(Utf8JsonWriter json, int episode, ResetResult<object> reset)
    {
        json.WriteStartObject();
        json.WriteNumber("episode", episode);
        json.WriteNumber("step", 0);
        json.WritePropertyName("observation");
        JsonOutput.Value(json, reset.Observation);
        json.WritePropertyName("info");
        JsonOutput.Info(json, reset.Info);
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, int episode, int step, object action, StepResult<object> result)
    {
        json.WriteStartObject();
        json.WriteNumber("episode", episode);
        json.WriteNumber("step", step);
        json.WritePropertyName("action");
        JsonOutput.Value(json, action);
        json.WritePropertyName("observation");
        JsonOutput.Value(json, result.Observation);
        JsonOutput.Number(json, "reward", result.Reward);
        json.WriteBoolean("terminated", result.Terminated);
        json.WriteBoolean("truncated", result.Truncated);
        if (result.Info.Count > 0)
        {
            json.WritePropertyName("info");
            JsonOutput.Info(json, result.Info);
        }
        json.WriteEndObject();
    }
}
