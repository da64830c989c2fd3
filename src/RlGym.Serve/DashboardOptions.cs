namespace RlGym.Serve;

/// <summary>What <see cref="DashboardServer"/> serves and where it listens.</summary>
public sealed record DashboardOptions
{
    /// <summary>The folder whose run directories are shown (every level down to four).</summary>
    public string RunsDirectory { get; init; } = "runs";

    /// <summary>The address to listen on; loopback (127.0.0.1, ::1, localhost) by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (see <see cref="DashboardServer.Url"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>
    /// The token every request must carry (as <c>?token=</c>, which sets a cookie, or <c>Authorization: Bearer</c>);
    /// null for none, which only a loopback <see cref="Host"/> allows.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>An environment's reward threshold by id (drawn on the curves); null when unknown.</summary>
    public Func<string, double?> RewardThreshold { get; init; } = _ => null;

    /// <summary>How often the folder is rescanned and every run reread.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often runs that a page follows send a fresh frame (their metrics are reread every second).</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
