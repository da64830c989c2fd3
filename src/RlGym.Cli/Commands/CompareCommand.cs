using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Cli.Runs;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Training.Comparisons;
using RlGym.Training.Plots;
using RlGym.Training.Runs;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym compare ID --agents a,b,c</c>: trains every agent with seeds 0..K−1 and reports, per agent, the mean and
/// 95% confidence half-width over seeds of the final return (mean of the last tenth of the episodes) and of the area
/// under the learning curve; writes summary.csv, curves.csv and learning-curves.png to the output directory.
/// <c>--set key=value</c> goes to every agent that has the setting; <c>--set agent.key=value</c> to one agent.
/// </summary>
public sealed class CompareCommand : Command
{
    private readonly Argument<string> _id = CommonOptions.EnvId();
    private readonly Option<string> _agents = new("--agents") { Description = "Agents to compare, comma-separated, e.g. q-learning,sarsa", Required = true, HelpName = "a,b,c" };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Seeds per agent (0 to K−1)", DefaultValueFactory = _ => 10, HelpName = "K" };
    private readonly Option<int> _episodes = new("--episodes", "-n") { Description = "Training episodes per run", DefaultValueFactory = _ => 500, HelpName = "N" };
    private readonly Option<long?> _steps = new("--steps") { Description = "Environment steps per run, of all copies together (instead of --episodes): every agent gets the same data", HelpName = "N" };
    private readonly Option<int?> _envs = CommonOptions.Envs();
    private readonly Option<string[]> _wrap = new("--wrap")
    {
        Description = "Wrapper applied after the registry's, to every agent's environments (repeatable, first innermost)",
        HelpName = "NAME[:params]",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };
    private readonly Option<string[]> _settings = CommonOptions.Settings();
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();
    private readonly Option<string?> _out = new("--out") { Description = "Output directory (default runs/compare-<env>-<time>)", HelpName = "DIR" };
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public CompareCommand(CliSession session) : base("compare", "Compare agents over several seeds with confidence intervals")
    {
        Arguments.Add(_id);
        foreach (var o in new Option[] { _agents, _seeds, _episodes, _steps, _envs, _wrap, _settings, _options, _out, _json }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var log = session.Logger("compare");
        string id = parse.GetValue(_id)!;
        int seedCount = parse.GetValue(_seeds), episodes = parse.GetValue(_episodes);
        if (seedCount < 2) throw new UserInputException($"--seeds {seedCount} is not allowed; a confidence interval needs 2 or more");
        if (episodes < 1) throw new UserInputException($"--episodes {episodes} is not allowed; use 1 or more");
        long? steps = parse.GetValue(_steps);
        if (steps is < 1) throw new UserInputException($"--steps {steps} is not allowed; use 1 or more");
        if (steps is not null && parse.GetResult(_episodes) is { Implicit: false })
            throw new UserInputException("--episodes and --steps cannot be used together; the budget is one or the other");
        int? copies = parse.GetValue(_envs);
        if (copies is < 1 or > RunConfig.MaxEnvs) throw new UserInputException($"--envs {copies} is not allowed; use 1 to {RunConfig.MaxEnvs}");
        var wraps = parse.GetValue(_wrap) ?? [];
        var names = parse.GetValue(_agents)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new UserInputException("--agents needs at least one agent name");
        if (names.Distinct().Count() != names.Length) throw new UserInputException("--agents names an agent twice");
        var envOptions = CommonOptions.ParseEnvOptions(parse.GetValue(_options));
        var settings = SettingsPerAgent(session, names, CommonOptions.ParseSettings(parse.GetValue(_settings)));

        var setup = RunSetup.Of(session);
        var entries = new List<ComparisonEntry>();
        foreach (var name in names)
        {
            var config = new RunConfig
            {
                Env = id, Agent = name, EnvOptions = new(envOptions.Values), Settings = settings[name], Wrappers = [.. wraps],
                Episodes = steps is null ? episodes : null, Steps = steps, NumEnvs = copies,
            };
            // Refuse a mismatch or a bad setting now rather than from inside a parallel run.
            int k;
            using (var probe = setup.MakeEnv(config))
            {
                var factory = setup.Factory(config, probe);
                factory.Create(probe, config.Settings, 0);
                k = copies ?? factory.Info.DefaultEnvs;
            }
            entries.Add(new ComparisonEntry(name, () => setup.MakeEnv(config), (env, seed) => setup.MakeAgent(config, env, seed), k));
        }

        string outPath = parse.GetValue(_out)
            ?? Path.Combine("runs", $"compare-{id}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        string budget = steps is { } n ? $"{n} steps" : $"{episodes} episodes";
        log.LogInformation("comparing {Agents} on {Env}: {Seeds} seeds × {Budget} each", string.Join(", ", names), id, seedCount, budget);
        var seeds = Enumerable.Range(0, seedCount).Select(i => (long)i).ToArray();
        var result = Comparison.Run(entries, seeds, new ComparisonOptions { Episodes = episodes, Steps = steps }, ct);
        ct.ThrowIfCancellationRequested();

        Directory.CreateDirectory(outPath);
        result.WriteSummaryCsv(Path.Combine(outPath, "summary.csv"));
        result.WriteCurvesCsv(Path.Combine(outPath, "curves.csv"));
        try { LearningCurvePlot.Write(result, Path.Combine(outPath, "learning-curves.png"), $"{id}: {seedCount} seeds"); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.LogWarning("learning curves not drawn: {Message}", e.Message); }
        log.LogInformation("wrote summary.csv, curves.csv and learning-curves.png to {Dir}", Path.GetFullPath(outPath));

        if (parse.GetValue(_json)) WriteJson(session, id, episodes, steps, seedCount, result);
        else WriteTable(session, id, budget, seedCount, result);
        return 0;
    }

    private static Dictionary<string, Dictionary<string, string>> SettingsPerAgent(
        CliSession session, string[] names, Dictionary<string, string> given)
    {
        static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();
        var result = names.ToDictionary(n => n, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var (key, value) in given)
        {
            int dot = key.IndexOf('.');
            if (dot > 0)
            {
                string agent = key[..dot];
                if (!result.TryGetValue(agent, out var own))
                    throw new UserInputException($"--set {key}: '{agent}' is not one of the compared agents ({string.Join(", ", names)})");
                own[key[(dot + 1)..]] = value;
                continue;
            }
            var takers = names.Where(n => session.Agents.Get(n).Info.Hyperparameters.Any(h => Normalize(h.Name) == Normalize(key))).ToList();
            if (takers.Count == 0)
                throw new UserInputException($"--set {key}: none of {string.Join(", ", names)} has a setting '{key}' (see 'rlgym agents')");
            foreach (var n in takers) result[n][key] = value;
        }
        return result;
    }

    private static void WriteJson(CliSession session, string id, int episodes, long? steps, int seeds, ComparisonResult result) =>
        new JsonOutput(session.Out).Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("env", id);
            if (steps is { } n) json.WriteNumber("steps", n);
            else json.WriteNumber("episodes", episodes);
            json.WriteNumber("seeds", seeds);
            json.WriteStartArray("agents");
            foreach (var a in result.Agents)
            {
                json.WriteStartObject();
                json.WriteString("name", a.Label);
                // Environment steps each run took (all copies together), by seed: equal across agents under --steps.
                json.WriteStartArray("env_steps");
                foreach (var v in a.EnvStepsPerSeed) json.WriteNumberValue(v);
                json.WriteEndArray();
                WriteInterval(json, "final_return", a.FinalReturn);
                WriteInterval(json, "auc", a.AreaUnderCurve);
                json.WriteStartArray("mean_curve");
                foreach (var v in a.MeanCurve) JsonOutput.Number(json, v);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteInterval(System.Text.Json.Utf8JsonWriter json, string name, Interval interval)
    {
        json.WriteStartObject(name);
        JsonOutput.Number(json, "mean", interval.Mean);
        JsonOutput.Number(json, "ci95", interval.HalfWidth);
        json.WriteEndObject();
    }

    private static void WriteTable(CliSession session, string id, string budget, int seeds, ComparisonResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var console = session.TableConsole();
        console.WriteLine($"{id}: {seeds} seeds × {budget}; mean ± 95% confidence half-width over seeds");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Agent")
            .AddColumn(new TableColumn("Final return").RightAligned()).AddColumn(new TableColumn("AUC").RightAligned());
        foreach (var a in result.Agents.OrderByDescending(a => a.FinalReturn.Mean))
            table.AddRow(Markup.Escape(a.Label),
                $"{a.FinalReturn.Mean.ToString("0.000", inv)} ± {a.FinalReturn.HalfWidth.ToString("0.000", inv)}",
                $"{a.AreaUnderCurve.Mean.ToString("0.000", inv)} ± {a.AreaUnderCurve.HalfWidth.ToString("0.000", inv)}");
        console.Write(table);
    }
}
