using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace RlGym.Sweeps.Tests.Support;

/// <summary>
/// A Redis server on loopback for the multi-process cluster test: the one named by <c>RLGYM_TEST_REDIS</c>
/// (.ci/run starts one; its database is emptied first), else a private <c>redis-server</c> started on a free port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process? _process;

    private RedisServer(string url, Process? process)
    {
        Url = url;
        _process = process;
    }

    /// <summary>The cluster address, <c>redis://127.0.0.1:PORT/DB</c>.</summary>
    public string Url { get; }

    /// <summary>Why the test cannot run here, or null when a server can be had.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable("RLGYM_TEST_REDIS") is { Length: > 0 } || Which("redis-server") is not null
            ? null
            : "needs redis-server (apt-get install redis-server) or RLGYM_TEST_REDIS=redis://127.0.0.1:6379/DB";

    public static RedisServer Start()
    {
        if (Environment.GetEnvironmentVariable("RLGYM_TEST_REDIS") is { Length: > 0 } url)
        {
            var address = Cluster.ClusterAddress.Parse(url);
            using var mux = ConnectionMultiplexer.Connect($"{address.Host}:{address.Port},allowAdmin=true");
            mux.GetServer(address.Host, address.Port).FlushDatabase(address.Database);
            return new RedisServer(url, null);
        }
        int port = FreePort();
        var start = new ProcessStartInfo(Which("redis-server")!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
            start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return new RedisServer($"redis://127.0.0.1:{port}", p);
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        p.Kill();
        throw new InvalidOperationException("redis-server did not start within 20 s");
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        if (_process is null) return;
        try { _process.Kill(); _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

/// <summary>A fact that runs only where a Redis server can be had, and says why it skipped otherwise.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Unavailable is { } why) Skip = why;
    }
}
