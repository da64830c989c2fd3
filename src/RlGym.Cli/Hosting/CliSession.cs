using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlGym.Core.Agents;
using RlGym.Core.Registration;
using Spectre.Console;

namespace RlGym.Cli.Hosting;

/// <summary>
/// What a command needs while it runs: the output writers, the registries (built-in packages plus plugins),
/// configuration, logging, and whether a person is watching (for tables and progress bars).
/// The command tree is built before the host; the host's services are attached once the arguments are parsed.
/// </summary>
public sealed class CliSession(TextWriter output, TextWriter error, bool errorIsTerminal)
{
    private IServiceProvider? _services;

    /// <summary>Standard output: tables, JSON, JSON Lines.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error: logs, progress, error lines.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is a terminal a person watches, so a live progress bar makes sense.</summary>
    public bool Interactive { get; } = errorIsTerminal;

    /// <summary>True when <c>--verbose</c> was given.</summary>
    public bool Verbose { get; internal set; }

    /// <summary>Full paths of the assemblies given to <c>--plugin</c>, recorded in a run's config.json.</summary>
    public IReadOnlyList<string> Plugins { get; internal set; } = [];

    /// <summary>The registered environments.</summary>
    public EnvRegistry Envs => Services.GetRequiredService<EnvRegistry>();

    /// <summary>The registered agents.</summary>
    public AgentRegistry Agents => Services.GetRequiredService<AgentRegistry>();

    /// <summary>The registered game players (two-player board games: arena and self-play).</summary>
    public Core.MultiAgent.GamePlayerRegistry Players => Services.GetRequiredService<Core.MultiAgent.GamePlayerRegistry>();

    /// <summary>The registered experiments.</summary>
    public Training.Experiments.ExperimentRegistry Experiments => Services.GetRequiredService<Training.Experiments.ExperimentRegistry>();

    /// <summary>appsettings.json, then RLGYM_ environment variables, then the command line.</summary>
    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>A logger for a command.</summary>
    public ILogger Logger(string category) => Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    private IServiceProvider Services => _services ?? throw new InvalidOperationException("The host is not built yet.");

    internal void Attach(IServiceProvider services) => _services = services;

    /// <summary>
    /// Loads the plugins a run was made with (its config.json's <c>plugins</c>) that this session has not loaded, so
    /// <c>eval</c>, <c>--resume</c> and <c>--config</c> work on a plugin's environments without repeating <c>--plugin</c>.
    /// </summary>
    public void EnsurePlugins(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Plugins.Contains(full)) continue;
            RlGymApp.LoadPlugin(Envs, Agents, full);
            Plugins = [.. Plugins, full];
        }
    }

    /// <summary>A Spectre console that writes tables to stdout; plain text when stdout is not a terminal.</summary>
    public IAnsiConsole TableConsole()
    {
        bool terminal = ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // A redirected table should not wrap at an imagined 80 columns.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }

    /// <summary>A Spectre console on stderr for live progress; only meaningful when <see cref="Interactive"/>.</summary>
    public IAnsiConsole ProgressConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });
}
