using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Training.Experiments;
using RlGym.Training.Plots;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym experiment [NAME]</c>: runs a textbook reproduction from the experiments registry over seeds 0..N−1,
/// writes experiment.json and experiment.png to the output directory and prints each series' last value with the
/// book's numbers; <c>--json</c> prints the result's JSON. Without a name it lists the experiments.
/// </summary>
public sealed class ExperimentCommand : Command
{
    private readonly Argument<string?> _name = new("NAME") { Description = "Experiment name; lists them when omitted", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Seeds (0 to N−1)", DefaultValueFactory = _ => 10, HelpName = "N" };
    private readonly Option<int?> _episodes = new("--episodes", "-n") { Description = "Episodes per run (default: the book's)", HelpName = "N" };
    private readonly Option<string[]> _settings = CommonOptions.Settings();
    private readonly Option<string?> _out = new("--out") { Description = "Output directory (default runs/experiment-<name>-<time>)", HelpName = "DIR" };
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public ExperimentCommand(CliSession session) : base("experiment", "Run a textbook experiment (or list them)")
    {
        Arguments.Add(_name);
        foreach (var o in new Option[] { _seeds, _episodes, _settings, _out, _json }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string? name = parse.GetValue(_name);
        if (name is null) return List(session);
        var experiment = session.Experiments.Get(name);
        int seeds = parse.GetValue(_seeds);
        if (seeds < 1) throw new UserInputException($"--seeds {seeds} is not allowed; use 1 or more");
        if (parse.GetValue(_episodes) is < 1) throw new UserInputException("--episodes must be 1 or more");
        var options = new ExperimentOptions
        {
            Episodes = parse.GetValue(_episodes),
            Settings = CommonOptions.ParseSettings(parse.GetValue(_settings)),
        };
        var log = session.Logger("experiment");
        log.LogInformation("running {Name} over {Seeds} seeds: {Description}", name, seeds, experiment.Description);
        var result = experiment.Run([.. Enumerable.Range(0, seeds).Select(i => (long)i)], options, ct);
        ct.ThrowIfCancellationRequested();

        string outPath = parse.GetValue(_out)
            ?? Path.Combine("runs", $"experiment-{name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(outPath);
        result.Save(Path.Combine(outPath, "experiment.json"));
        try { Experiments.TextbookExperiments.WritePlot(result, Path.Combine(outPath, "experiment.png")); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.LogWarning("plot not drawn: {Message}", e.Message); }
        log.LogInformation("wrote experiment.json and experiment.png to {Dir}", Path.GetFullPath(outPath));

        if (parse.GetValue(_json))
        {
            session.Out.WriteLine(result.ToJson());
            return 0;
        }
        var console = session.TableConsole();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Series").AddColumn(new TableColumn("Last value").RightAligned());
        foreach (var s in result.Series)
            table.AddRow(Markup.Escape(s.Label), s.Y.Length == 0 ? "-" : s.Y[^1].ToString("0.###", CultureInfo.InvariantCulture));
        console.Write(table);
        if (result.Notes.Length > 0) console.WriteLine(result.Notes);
        return 0;
    }

    private static int List(CliSession session)
    {
        var console = session.TableConsole();
        var all = session.Experiments.Experiments.ToList();
        if (all.Count == 0) console.WriteLine("No experiments are registered in this build.");
        foreach (var e in all) console.MarkupLine($"[bold]{Markup.Escape(e.Name)}[/]: {Markup.Escape(e.Description)}");
        return 0;
    }
}
