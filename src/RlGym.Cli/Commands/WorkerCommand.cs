using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Errors;
using RlGym.Sweeps.Cluster;
using RlGym.Sweeps.Running;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym worker --cluster redis://HOST:PORT [--slots N]</c>: an Orleans silo that joins the cluster whose
/// membership is in that Redis server and trains the trials that <c>rlgym sweep FILE --cluster …</c> submits, N at a
/// time. Ctrl+C or SIGTERM stops its trials at an episode boundary with a checkpoint and hands them back; a worker
/// killed outright loses nothing either: once the cluster declares it dead, its trials resume on another worker from
/// their last checkpoints.
/// </summary>
public sealed class WorkerCommand : Command
{
    private readonly Option<string> _cluster = new("--cluster") { Description = "Redis server holding the cluster's membership", HelpName = "redis://HOST:PORT", Required = true };
    private readonly Option<int?> _slots = new("--slots") { Description = "Trials trained at once (default: all cores)", HelpName = "N" };
    private readonly Option<string?> _advertise = new("--advertise") { Description = "Address other machines reach this worker at (default: 127.0.0.1 when Redis is on loopback, else this host's address)", HelpName = "IP" };
    private readonly Option<int> _siloPort = new("--silo-port") { Description = "Port for worker-to-worker traffic", DefaultValueFactory = _ => ClusterHosting.DefaultSiloPort, HelpName = "PORT" };
    private readonly Option<int> _gatewayPort = new("--gateway-port") { Description = "Port where 'rlgym sweep --cluster' connects", DefaultValueFactory = _ => ClusterHosting.DefaultGatewayPort, HelpName = "PORT" };

    /// <summary>Creates the command.</summary>
    public WorkerCommand(CliSession session) : base("worker", "Join a cluster as a worker that trains sweep trials")
    {
        foreach (var o in new Option[] { _cluster, _slots, _advertise, _siloPort, _gatewayPort }) Options.Add(o);
        SetAction((parse, ct) => Run(session, parse, ct));
    }

    private async Task<int> Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var cluster = ClusterAddress.Parse(parse.GetValue(_cluster)!);
        int slots = parse.GetValue(_slots) ?? Environment.ProcessorCount;
        if (slots is < 1 or > 4096) throw new UserInputException($"--slots {slots} is not allowed; allowed: 1 to 4096");
        int siloPort = parse.GetValue(_siloPort), gatewayPort = parse.GetValue(_gatewayPort);
        foreach (var (name, port) in new[] { ("--silo-port", siloPort), ("--gateway-port", gatewayPort) })
            if (port is < 1 or > 65535) throw new UserInputException($"{name} {port} is not allowed; allowed: 1 to 65535");
        if (siloPort == gatewayPort) throw new UserInputException($"--silo-port and --gateway-port are both {siloPort}; allowed: two different ports");
        var advertise = Advertised(parse.GetValue(_advertise), cluster);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "rlgym-worker",
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder, session);
        builder.Services.AddSingleton<ITrialRunner>(new CliTrialRunner(RunSetup.Of(session)));
        builder.UseOrleans(silo => silo.UseRlGymCluster(cluster, advertise, siloPort, gatewayPort).AddTrialWorker(new WorkerOptions(slots)));
        using var host = builder.Build();
        var log = session.Logger("worker");
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UserInputException($"the worker could not join the cluster at {cluster} on {advertise} ports {siloPort}/{gatewayPort}: {e.Message.Split('\n')[0].TrimEnd()}");
        }
        log.LogInformation("worker joined the cluster at {Cluster} as {Address}:{SiloPort} (gateway {GatewayPort}); training up to {Slots} trials at once",
            cluster, advertise, siloPort, gatewayPort, slots);
        // Most sweeps draw a learning curve per trial: the plotting library's first use is paid before the first one.
        _ = Task.Run(Training.Plots.LearningCurvePlot.Warm, CancellationToken.None);
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        log.LogInformation("worker stopping: running trials checkpoint and go back to the queue");
        await host.StopAsync(CancellationToken.None);
        return RlGymApp.Cancelled;
    }

    private static IPAddress Advertised(string? given, ClusterAddress cluster)
    {
        if (given is not null)
            return IPAddress.TryParse(given, out var ip) ? ip : throw new UserInputException($"--advertise {given} is not allowed; allowed: an IP address such as 10.0.0.5");
        bool loopback = cluster.Host == "localhost" || (IPAddress.TryParse(cluster.Host, out var r) && IPAddress.IsLoopback(r));
        if (loopback) return IPAddress.Loopback;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new UserInputException("this host has no non-loopback IPv4 address to advertise; give --advertise IP");
    }

    /// <summary>Logs of an Orleans host: ours at Information, Orleans's own from Warning, on stderr with timestamps.</summary>
    internal static void ConfigureLogging(HostApplicationBuilder builder, CliSession session)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(session.Verbose ? LogLevel.Debug : LogLevel.Information);
        if (!session.Verbose)
        {
            builder.Logging.AddFilter("Orleans", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        builder.Logging.AddProvider(new TextWriterLoggerProvider(session.Error, withTimestamps: true));
    }
}
