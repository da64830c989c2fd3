using System.CommandLine;
using RlGym.Benchmarking;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym bench [ID ...]</c>: measures environment steps per second (single env, vector env of <c>--envs K</c>
/// copies, tabular agent loops) with <see cref="BenchRunner"/>, beside the C and Gymnasium baselines when they are
/// available; prints a text table, or the report as JSON with <c>--json</c>. Progress goes to stderr.
/// </summary>
public sealed class BenchCommand : Command
{
    private readonly Argument<string[]> _ids = new("ID") { Description = "Environment ids to measure (default: the built-in classic-control and toy-text ones)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<long?> _steps = new("--steps") { Description = "Environment steps per timed run (default 1000000, at least 10000)", HelpName = "N" };
    private readonly Option<int?> _envs = new("--envs") { Description = "Copies in the vector environment (default 8192: fewer cheap copies cost less to step than to hand to a second core)", HelpName = "K" };
    private readonly Option<string?> _scaling = new("--scaling") { Description = "Copy counts at which vector envs that keep their copies in arrays are measured on one thread and on all (default 128,1024,8192; none to skip)", HelpName = "K,K,..." };
    private readonly Option<int?> _threads = new("--threads") { Description = "Threads of the parallel vector environment (default one per core)", HelpName = "N" };
    private readonly Option<int?> _repeats = new("--repeats") { Description = "Timed runs per figure; the fastest is reported (default 3)", HelpName = "N" };
    private readonly Option<bool> _agents = new("--agents") { Description = "Instead of the environments, measure each registered agent's training steps per second (default 20000 steps each; tabular on FrozenLake, discrete actions on CartPole, continuous on Pendulum)" };
    private readonly Option<bool> _envsOnly = new("--envs-only") { Description = "Measure only the environments (single, wrapped, vector, scaling, and the tabular loop on the toy-text ids given): skip A2C, MCTS and the network core" };
    private readonly Option<bool> _noBaselines = new("--no-baselines") { Description = "Skip the C loop and Gymnasium timings" };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the action sequences, environments and agents (default 1)");
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public BenchCommand(CliSession session) : base("bench", "Measure environment and agent steps per second")
    {
        Arguments.Add(_ids);
        foreach (var o in new Option[] { _steps, _envs, _scaling, _threads, _repeats, _agents, _envsOnly, _noBaselines, _seed, _json }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var defaults = new BenchOptions();
        var ids = parse.GetValue(_ids) ?? [];
        foreach (var id in ids) session.Envs.Spec(id);
        bool baselines = !parse.GetValue(_noBaselines);
        var options = defaults with
        {
            EnvIds = ids.Length > 0 ? ids : defaults.EnvIds,
            Steps = parse.GetValue(_steps) ?? defaults.Steps,
            Copies = parse.GetValue(_envs) ?? defaults.Copies,
            ScalingCopies = parse.GetValue(_scaling) is { } scaling ? ParseCopies(scaling) : defaults.ScalingCopies,
            Threads = parse.GetValue(_threads) ?? defaults.Threads,
            Repeats = parse.GetValue(_repeats) ?? defaults.Repeats,
            Seed = parse.GetValue(_seed) ?? defaults.Seed,
            CBaseline = baselines,
            PythonBaseline = baselines,
            EnvsOnly = parse.GetValue(_envsOnly),
            IsolationCommand = SelfCommand(session),
        };
        options.Validate();
        if (parse.GetValue(_agents)) return RunAgents(session, parse, parse.GetValue(_steps) ?? AgentSteps, options.Seed, ct);
        var report = new BenchRunner(session.Envs).Run(options, line => session.Error.WriteLine($"rlgym: {line}"), ct);
        session.Out.WriteLine(parse.GetValue(_json) ? BenchReportJson.Serialize(report) : BenchReportText.Render(report).TrimEnd());
        return 0;
    }

    private const long AgentSteps = 20_000;

    /// <summary>
    /// How to start this tool again with the same plugins: the apphost, or <c>dotnet rlgym.dll</c>; null when the tool
    /// runs inside another program (a test host), which cannot be started as <c>rlgym</c>.
    /// </summary>
    private static string[]? SelfCommand(CliSession session)
    {
        var entry = System.Reflection.Assembly.GetEntryAssembly();
        if (entry != typeof(BenchCommand).Assembly || Environment.ProcessPath is not { } process) return null;
        string[] start = Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, entry.Location] : [process];
        return [.. start, .. session.Plugins.SelectMany(p => new[] { "--plugin", p })];
    }

    private int RunAgents(CliSession session, ParseResult parse, long steps, long seed, CancellationToken ct)
    {
        var results = AgentTiming.Run(session.Envs, session.Agents, steps, seed, line => session.Error.WriteLine($"rlgym: {line}"), ct);
        string machine = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {Environment.ProcessorCount} cores  {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}  seed {seed}";
        session.Out.WriteLine(parse.GetValue(_json)
            ? System.Text.Json.JsonSerializer.Serialize(results, BenchReportJson.Options)
            : BenchReportText.RenderAgents(results, machine).TrimEnd());
        return 0;
    }

    private static int[] ParseCopies(string text)
    {
        if (text.Trim() == "none") return [];
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var copies = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out copies[i]) || copies[i] < 1)
                throw new UserInputException($"--scaling '{text}' is not allowed; give copy counts of at least 1 separated by commas, or none");
        return copies;
    }
}
