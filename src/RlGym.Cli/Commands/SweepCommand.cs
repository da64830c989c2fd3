using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Errors;
using RlGym.Sweeps;
using RlGym.Sweeps.Cluster;
using RlGym.Sweeps.Files;
using RlGym.Sweeps.Journal;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Results;
using RlGym.Sweeps.Running;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym sweep FILE --out DIR [--workers N] [--json] [--cluster redis://HOST:PORT]</c>: trains every trial of a
/// sweep file into DIR (a journal plus one ordinary run directory per trial under <c>trials/</c>), on this machine's
/// cores or on a cluster's workers, and reports a table (or JSON), the best configuration, <c>results.json</c> and
/// plots of final return against each swept setting. Running it again on the same DIR continues a sweep that was
/// stopped or killed: finished trials are kept and running ones resume exactly from their checkpoints.
/// </summary>
public sealed class SweepCommand : Command
{
    /// <summary>The results file written into the sweep directory.</summary>
    public const string ResultsFileName = "results.json";

    private readonly Argument<string> _file = new("FILE") { Description = "Sweep file (JSON), e.g. {\"env\":\"FrozenLake-v1\",\"agents\":[\"q-learning\"],\"episodes\":2000,\"seeds\":3,\"grid\":{\"alpha\":[0.1,0.5]}}" };
    private readonly Option<string?> _out = new("--out") { Description = "Sweep directory (default runs/sweep-<env>-<time>); the same DIR again continues the sweep", HelpName = "DIR" };
    private readonly Option<int?> _workers = new("--workers") { Description = "Trials trained at once on this machine (default: all cores)", HelpName = "N" };
    private readonly Option<string?> _cluster = new("--cluster") { Description = "Run the trials on the workers of this cluster ('rlgym worker'); DIR must be a path every worker reaches", HelpName = "redis://HOST:PORT" };
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public SweepCommand(CliSession session) : base("sweep", "Train agents × settings × seeds from a sweep file, on this machine or a cluster")
    {
        Arguments.Add(_file);
        foreach (var o in new Option[] { _out, _workers, _cluster, _json }) Options.Add(o);
        SetAction((parse, ct) => Run(session, parse, ct));
    }

    private async Task<int> Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var log = session.Logger("sweep");
        var file = SweepFile.Load(parse.GetValue(_file)!);
        int? workers = parse.GetValue(_workers);
        string? clusterText = parse.GetValue(_cluster);
        if (workers is < 1 or > 4096) throw new UserInputException($"--workers {workers} is not allowed; allowed: 1 to 4096");
        if (workers is not null && clusterText is not null) throw new UserInputException("--workers and --cluster cannot be used together; a cluster's workers choose their own slots ('rlgym worker --slots N')");
        var cluster = clusterText is null ? null : ClusterAddress.Parse(clusterText);

        var plan = SweepPlan.Of(file, session.Plugins);
        Validate(session, plan);
        string outPath = Path.GetFullPath(parse.GetValue(_out)
            ?? Path.Combine("runs", $"sweep-{file.Env}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        if (File.Exists(outPath)) throw new UserInputException($"--out '{outPath}' is a file; allowed: a directory");
        if (Directory.Exists(outPath) && !SweepJournal.ExistsIn(outPath)
            && Directory.EnumerateFileSystemEntries(outPath).Any(e => !e.EndsWith(".tmp", StringComparison.Ordinal)))
            throw new UserInputException($"'{outPath}' already holds files but no sweep; use another --out directory");

        // The plotting library's first use (~150 ms) is paid in the background: by the first trial's learning curve, or
        // by the results' plots at the end.
        _ = Task.Run(Training.Plots.LearningCurvePlot.Warm, CancellationToken.None);
        var progress = new SweepProgressLog(log, logTrials: !session.Interactive);
        string budget = file.Episodes is { } e ? $"{e} episodes" : $"{file.Steps} steps";
        SweepResult result;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (cluster is null)
        {
            int slots = workers ?? Environment.ProcessorCount;
            log.LogInformation("sweep of {Count} trials ({Configurations} configurations × {Seeds} seeds, {Budget} each) on {Slots} cores into {Dir}",
                plan.TrialCount, plan.Configurations.Count, file.Seeds.Count, budget, slots, outPath);
            var executor = new EmbeddedTrialExecutor(new CliTrialRunner(RunSetup.Of(session)), slots);
            result = await WithProgressBar(session, progress, () => SweepCoordinator.RunAsync(plan, outPath, executor, progress, ct));
        }
        else
        {
            log.LogInformation("sweep of {Count} trials ({Configurations} configurations × {Seeds} seeds, {Budget} each) on the cluster at {Cluster} into {Dir}",
                plan.TrialCount, plan.Configurations.Count, file.Seeds.Count, budget, cluster, outPath);
            using var host = await ConnectAsync(session, cluster, ct);
            var executor = new ClusterTrialExecutor(host.Services.GetRequiredService<IClusterClient>(), ClusterHosting.SweepId(outPath, file), log);
            result = await WithProgressBar(session, progress, () => SweepCoordinator.RunAsync(plan, outPath, executor, progress, ct));
            await host.StopAsync(CancellationToken.None);
        }

        log.LogInformation("{Count} trials ran in {Seconds:0.00} s", plan.TrialCount, clock.Elapsed.TotalSeconds);
        WriteResults(outPath, result, log);
        if (parse.GetValue(_json)) session.Out.WriteLine(SweepResultJson.ToText(result, indented: false));
        else WriteTable(session, result);
        session.Out.Flush();
        log.LogInformation("results in {Path}; every trial is a run directory under {Trials}", Path.Combine(outPath, ResultsFileName), Path.Combine(outPath, "trials"));
        return 0;
    }

    /// <summary>On a terminal, a Spectre progress bar of finished trials per rung; otherwise the log lines alone.</summary>
    private static async Task<SweepResult> WithProgressBar(CliSession session, SweepProgressLog progress, Func<Task<SweepResult>> work)
    {
        if (!session.Interactive) return await work();
        SweepResult? result = null;
        await session.ProgressConsole().Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("trials", maxValue: 1);
                void Show()
                {
                    task.MaxValue = Math.Max(1, progress.Total);
                    task.Value = progress.Done;
                    task.Description = Markup.Escape($"{progress.Rung} {progress.Done}/{progress.Total}");
                }
                progress.Changed = Show;
                try { result = await work(); }
                finally
                {
                    progress.Changed = null;
                    Show();
                }
            });
        return result!;
    }

    /// <summary>Refuses, before anything is written, a sweep whose environment, agents, settings or wrappers cannot run.</summary>
    private static void Validate(CliSession session, SweepPlan plan)
    {
        session.Envs.Spec(plan.File.Env);
        foreach (var agent in plan.File.Agents) session.Agents.Get(agent);
        var setup = RunSetup.Of(session);
        var first = plan.RunConfig(plan.Configurations[0], plan.File.Seeds[0], 0);
        first.Validate();
        using var env = setup.MakeEnv(first);
        foreach (var c in plan.Configurations)
        {
            var config = plan.RunConfig(c, plan.File.Seeds[0], 0);
            try
            {
                setup.MakeAgent(config, env, 0);
            }
            catch (UserInputException e) when (c.Settings.Count > 0)
            {
                throw new UserInputException($"trial settings {c.SettingsText} of {c.Agent}: {e.Message}");
            }
        }
    }

    private static async Task<IHost> ConnectAsync(CliSession session, ClusterAddress cluster, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "rlgym-sweep",
            ContentRootPath = AppContext.BaseDirectory,
        });
        WorkerCommand.ConfigureLogging(builder, session);
        builder.UseOrleansClient(client => client.UseRlGymCluster(cluster));
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new UserInputException($"cannot reach a worker of the cluster at {cluster} ({e.Message.Split('\n')[0].TrimEnd()}); start one with 'rlgym worker --cluster {cluster}'");
        }
    }

    private static void WriteResults(string outPath, SweepResult result, ILogger log)
    {
        string path = Path.Combine(outPath, ResultsFileName);
        File.WriteAllText(path + ".tmp", SweepResultJson.ToText(result) + "\n");
        File.Move(path + ".tmp", path, overwrite: true);
        try { SweepPlot.Write(result, outPath); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.LogWarning("plots not drawn: {Message}", e.Message); }
    }

    private static void WriteTable(CliSession session, SweepResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var file = result.Plan.File;
        var console = session.TableConsole();
        console.WriteLine($"{file.Env}: {result.Plan.Configurations.Count} configurations × {file.Seeds.Count} seeds; mean ± 95% confidence half-width over seeds");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Agent").AddColumn("Settings")
            .AddColumn(new TableColumn("Seeds").RightAligned()).AddColumn(new TableColumn(file.Episodes is null ? "Steps" : "Episodes").RightAligned())
            .AddColumn(new TableColumn("Final return").RightAligned()).AddColumn(new TableColumn("AUC").RightAligned());
        static string Show(Training.Comparisons.Interval i, IFormatProvider f) =>
            double.IsFinite(i.HalfWidth) ? $"{i.Mean.ToString("0.000", f)} ± {i.HalfWidth.ToString("0.000", f)}" : i.Mean.ToString("0.000", f);
        foreach (var s in result.Configurations)
        {
            string mark = ReferenceEquals(s, result.Best) ? " (best)" : "";
            table.AddRow(Markup.Escape(s.Configuration.Agent + mark), Markup.Escape(s.Configuration.SettingsText),
                s.FinalReturn.Count.ToString(inv), s.Budget.ToString(inv), Show(s.FinalReturn, inv), Show(s.Auc, inv));
        }
        console.Write(table);
        var best = result.Best;
        console.WriteLine($"best: {best.Configuration.Agent} {best.Configuration.SettingsText}".TrimEnd()
            + $", final return {Show(best.FinalReturn, inv)}, AUC {Show(best.Auc, inv)}");
    }
}
