using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlGym.Core.Errors;
using RlGym.Serve.Api;
using RlGym.Serve.Runs;
using RlGym.Serve.Security;

namespace RlGym.Serve;

/// <summary>
/// The web dashboard of every run under a folder: an index of runs, a page per run with its live learning curve and
/// environment, and a comparison page, fed by a read-only JSON API and server-sent events. It never writes to disk
/// and never starts a process: it reads run directories (following <c>metrics.csv</c> as it grows) and asks training
/// runs for frames through their live socket.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RunCatalog _catalog;
    private readonly DashboardOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private Task _refresh = Task.CompletedTask;

    private DashboardServer(WebApplication app, RunCatalog catalog, DashboardOptions options)
    {
        _app = app;
        _catalog = catalog;
        _options = options;
    }

    /// <summary>
    /// Builds the server. A non-loopback <see cref="DashboardOptions.Host"/> without a token, a host that is not an IP
    /// address or <c>localhost</c>, and a port out of range are refused with a <see cref="UserInputException"/>.
    /// </summary>
    public static DashboardServer Create(DashboardOptions options)
    {
        var address = ParseHost(options.Host);
        bool loopback = IPAddress.IsLoopback(address);
        if (!loopback && string.IsNullOrEmpty(options.Token))
            throw new UserInputException($"--host {options.Host} is reachable from other machines; add --token (one is generated and printed) or --token SECRET, or keep the default 127.0.0.1");
        if (options.Port is < 0 or > 65535) throw new UserInputException($"--port {options.Port} is not allowed; use 1 to 65535 (0 picks a free port)");
        if (options.Token is { } t && t.Length < 8) throw new UserInputException("--token must be at least 8 characters long; omit its value to have one generated");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
        });
        var app = builder.Build();
        var catalog = new RunCatalog(options.RunsDirectory, options.RewardThreshold);
        var gate = new AccessGate(options.Token, loopback);
        app.Use(gate.InvokeAsync);
        DashboardEndpoints.Map(app, catalog, Pages.Load(Assembly.GetExecutingAssembly()));
        return new DashboardServer(app, catalog, options);
    }

    private static IPAddress ParseHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address)) return address;
        throw new UserInputException($"--host '{host}' is not an IP address; use 127.0.0.1 (the default), localhost, 0.0.0.0 or an address of this machine");
    }

    /// <summary>The folder served.</summary>
    public string RunsDirectory => _catalog.Root;

    /// <summary>The address to open, without the token (known after <see cref="StartAsync"/>).</summary>
    public string Url { get; private set; } = "";

    /// <summary>Runs found at the last scan.</summary>
    public int RunCount => _catalog.Runs.Count;

    /// <summary>Scans the runs once, then listens and keeps following them until stopped.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        await _catalog.RefreshAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new UserInputException($"cannot listen on {_options.Host}:{_options.Port}: {e.Message.Split(Environment.NewLine)[0]}; choose another --port");
        }
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        Url = (addresses?.FirstOrDefault() ?? $"http://{_options.Host}:{_options.Port}").TrimEnd('/') + "/";
        _refresh = Task.Run(() => RefreshLoop(_stop.Token));
    }

    private async Task RefreshLoop(CancellationToken cancellation)
    {
        var frameEvery = _options.FrameInterval;
        long ticksPerScan = Math.Max(1, (long)(_options.ScanInterval / frameEvery));
        long tick = 0;
        using var timer = new PeriodicTimer(frameEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false))
            {
                tick++;
                try
                {
                    if (tick % ticksPerScan == 0) await _catalog.RefreshAsync(cancellation).ConfigureAwait(false);
                    await _catalog.RefreshFramesAsync(cancellation).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A folder vanishing mid-scan; the next scan sees the new state.
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Waits until <paramref name="cancellation"/> fires, then stops.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellation)
    {
        try { await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening and following runs.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        await _refresh.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
        _stop.Dispose();
    }
}
