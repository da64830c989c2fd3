using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Commands;
using RlGym.Cli.Hosting;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Registration;

namespace RlGym.Cli;

/// <summary>
/// The whole <c>rlgym</c> tool as a method, so tests run it in-process with string writers. Exit codes: 0 success,
/// 1 a failed check or an unexpected error, 2 a mistake in the input (one line on stderr, no stack trace),
/// 130 cancelled (Ctrl+C).
/// </summary>
public static class RlGymApp
{
    /// <summary>Exit code of a mistake in the user's input.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of a cancelled run (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        bool stderrIsTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var session = new CliSession(stdout, stderr, stderrIsTerminal);
        var global = new GlobalOptions();
        var root = CommandTree.Build(session, global);
        if (args.Length == 0) args = ["--help"];

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // "Required command was not provided" says less than an unrecognized token next to it.
            var error = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
            stderr.WriteLine($"rlgym: {ParseErrorText.Rewrite(error.Message)}");
            return UsageError;
        }
        session.Verbose = parsed.GetValue(global.Verbose);
        session.Plugins = [.. (parsed.GetValue(global.Plugins) ?? []).Select(Path.GetFullPath).Distinct()];

        try
        {
            using var host = BuildHost(session, session.Plugins);
            session.Attach(host.Services);
            var log = session.Logger("rlgym");
            foreach (var p in session.Plugins) log.LogDebug("plugin {Path} loaded", p);
            log.LogDebug("{Envs} environments, {Agents} agents registered", session.Envs.Specs.Count, session.Agents.Factories.Count);
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                // Signals are the process's business (ShutdownSignals), not the parser's.
                ProcessTerminationTimeout = null,
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("rlgym: cancelled");
            return Cancelled;
        }
        catch (Exception e) when (Unwrap(e) is UserInputException u)
        {
            stderr.WriteLine($"rlgym: {u.Message}");
            return UsageError;
        }
        catch (Exception e) when (Unwrap(e) is Training.EnvironmentFaultException fault)
        {
            // A bug in an environment, found by the trainer: say where, not how the trainer noticed.
            stderr.WriteLine($"rlgym: {FirstLine(fault.Message)}");
            if (session.Verbose) stderr.WriteLine(fault);
            return 1;
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be created or written (its parent is a file, no permission, a full disk) is
            // the user's to fix; the message from the system names the path.
            var io = Unwrap(e);
            stderr.WriteLine($"rlgym: cannot read or write a file: {FirstLine(io.Message)}");
            if (session.Verbose) stderr.WriteLine(io);
            return UsageError;
        }
        catch (Exception e)
        {
            var inner = Unwrap(e);
            stderr.WriteLine($"rlgym: unexpected error: {inner.GetType().Name}: {FirstLine(inner.Message)}");
            if (session.Verbose) stderr.WriteLine(inner);
            else stderr.WriteLine("rlgym: run again with --verbose for the stack trace");
            return 1;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException or AggregateException && e.InnerException is not null)
            e = e.InnerException;
        return e;
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOf('\n');
        return nl < 0 ? s : s[..nl].TrimEnd();
    }

    private static IHost BuildHost(CliSession session, IReadOnlyList<string> plugins)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "rlgym",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Later sources win: appsettings.json next to the binary, then RLGYM_ variables, then the command line.
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("RLGYM_");
        if (session.Verbose)
            builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Debug")]);

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(new TextWriterLoggerProvider(session.Error, withTimestamps: false));

        var envs = BuiltInPackages.EnvRegistry();
        var agents = BuiltInPackages.AgentRegistry();
        var players = BuiltInPackages.PlayerRegistry();
        foreach (var path in plugins)
        {
            int n = LoadPlugin(envs, agents, path) + players.LoadPlugin(path);
            if (n == 0) throw new UserInputException($"plugin '{path}' has no public IEnvPackage, IAgentPackage or IGamePlayerPackage with a parameterless constructor");
        }
        builder.Services.AddSingleton(envs);
        builder.Services.AddSingleton(agents);
        builder.Services.AddSingleton(players);
        builder.Services.AddSingleton(BuiltInPackages.ExperimentRegistry());
        return builder.Build();
    }

    internal static int LoadPlugin(EnvRegistry envs, AgentRegistry agents, string path)
    {
        try
        {
            return envs.LoadPlugin(path) + agents.LoadPlugin(path);
        }
        catch (Exception e) when (e is System.Reflection.ReflectionTypeLoadException or FileLoadException or BadImageFormatException)
        {
            throw new UserInputException($"plugin '{path}' could not be loaded: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"plugin '{path}': {e.Message}");
        }
    }
}
