using System.Globalization;
using RlGym.Core.Errors;

namespace RlGym.Sweeps.Cluster;

/// <summary>The Redis server that holds a cluster's membership, given as <c>redis://HOST:PORT</c>.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port (Redis's default is 6379).</param>
public sealed record ClusterAddress(string Host, int Port)
{
    /// <summary>Parses <c>redis://HOST:PORT</c> (the port defaults to 6379); anything else is a one-line user error.</summary>
    public static ClusterAddress Parse(string text)
    {
        const string allowed = "allowed: redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath is not ("" or "/") || !string.IsNullOrEmpty(uri.Query))
            throw new UserInputException($"--cluster {text} is not allowed; {allowed}");
        int port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port;
        if (port is < 1 or > 65535) throw new UserInputException($"--cluster {text} has port {port}; {allowed}");
        return new ClusterAddress(uri.Host, port);
    }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    /// <inheritdoc />
    public override string ToString() => $"redis://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
