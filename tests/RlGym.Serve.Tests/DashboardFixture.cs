using System.Net.Sockets;
using System.Text;

namespace RlGym.Serve.Tests;

/// <summary>A dashboard over a temporary folder, on a free loopback port, and ways to ask it things.</summary>
public sealed class DashboardFixture : IAsyncDisposable
{
    private DashboardFixture(DashboardServer server, HttpClient client) => (Server, Client) = (server, client);

    public DashboardServer Server { get; }
    public HttpClient Client { get; }
    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<DashboardFixture> Start(string dir, string? token = null)
    {
        var server = DashboardServer.Create(new DashboardOptions
        {
            RunsDirectory = dir, Port = 0, Token = token, ScanInterval = TimeSpan.FromMilliseconds(200),
            FrameInterval = TimeSpan.FromMilliseconds(100), RewardThreshold = id => id == "FrozenLake-v1" ? 0.7 : null,
        });
        await server.StartAsync();
        return new DashboardFixture(server, new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Sends the request line exactly as written (HttpClient would tidy '..' away), returning the status code.</summary>
    public async Task<int> RawGet(string target, string? host = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? BaseAddress.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1]);
    }

    public async Task WaitUntil(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {seconds} s waiting for {what}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
