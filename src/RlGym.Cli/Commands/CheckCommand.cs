using System.CommandLine;
using RlGym.Cli.Hosting;
using RlGym.Core.Checking;
using RlGym.Core.Errors;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym check [ID]</c>: runs the environment checker on one environment or on every registered one and prints
/// each check; exits 1 when any check fails.
/// </summary>
public sealed class CheckCommand : Command
{
    private readonly Argument<string?> _id = new("ID") { Description = "Environment id; all registered environments when omitted", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the checks (default 0)");
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();

    /// <summary>Creates the command.</summary>
    public CheckCommand(CliSession session) : base("check", "Check that environments keep the Gymnasium contract")
    {
        Arguments.Add(_id);
        Options.Add(_seed);
        Options.Add(_options);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string? id = parse.GetValue(_id);
        var options = parse.GetValue(_options) ?? [];
        if (id is null && options.Length > 0) throw new UserInputException("-o needs an environment id: rlgym check ID -o key=value");
        var ids = id is null
            ? session.Envs.Specs.Select(s => s.Id).Order(StringComparer.Ordinal).ToList()
            : [session.Envs.Spec(id).Id];
        long seed = parse.GetValue(_seed) ?? 0;
        var console = session.TableConsole();
        int failed = 0;
        foreach (var envId in ids)
        {
            ct.ThrowIfCancellationRequested();
            EnvCheckReport report;
            try
            {
                report = EnvChecker.Check(session.Envs.Make(envId, CommonOptions.ParseEnvOptions(options)), seed);
            }
            catch (UserInputException) { throw; }
            catch (Exception e) when (id is null)
            {
                // One broken environment should not hide the reports of the others.
                console.MarkupLine($"[red]FAIL[/] {Markup.Escape(envId)}: could not be made: {Markup.Escape(e.Message)}");
                failed++;
                continue;
            }
            int passed = report.Results.Count(r => r.Passed && !r.Skipped);
            int skipped = report.Results.Count(r => r.Skipped);
            var verdict = report.Passed ? "[green]pass[/]" : "[red]FAIL[/]";
            console.MarkupLine($"{verdict} {Markup.Escape(envId)}: {passed} of {report.Results.Count} checks passed" + (skipped > 0 ? $", {skipped} skipped" : ""));
            foreach (var r in report.Results)
            {
                // Checking everything lists only the failures; one environment (or --verbose) lists every check.
                if (r.Passed && id is null && !session.Verbose) continue;
                var tag = r.Skipped ? "[grey]skip[/]" : r.Passed ? "[green]pass[/]" : "[red]FAIL[/]";
                console.MarkupLine($"  {tag}  {Markup.Escape(r.Name)}: {Markup.Escape(r.Message)}");
            }
            if (!report.Passed) failed++;
        }
        if (ids.Count > 1) console.WriteLine($"{ids.Count - failed} of {ids.Count} environments passed");
        return failed == 0 ? 0 : 1;
    }
}
