using System.Globalization;
using RlGym.Core.Errors;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// The Redis server that holds a cluster's membership, given as <c>redis://HOST:PORT</c> or <c>redis://HOST:PORT/DB</c>
/// (a database number, so several clusters can share one server).
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port (Redis's default is 6379).</param>
/// <param name="Database">Redis database number (0 by default).</param>
public sealed record ClusterAddress(string Host, int Port, int Database = 0)
{
    /// <summary>Parses <c>redis://HOST:PORT</c> (the port defaults to 6379); anything else is a one-line user error.</summary>
    public static ClusterAddress Parse(string text)
    {
        const string allowed = "allowed: redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new UserInputException($"--cluster {text} is not allowed; {allowed}");
        string db = uri.AbsolutePath.Trim('/');
        int database = 0;
        if (db.Length > 0 && (!int.TryParse(db, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
            throw new UserInputException($"--cluster {text} names database '{db}'; allowed: redis://HOST:PORT or redis://HOST:PORT/DB with DB from 0 to 15");
        int port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port;
        if (port is < 1 or > 65535) throw new UserInputException($"--cluster {text} has port {port}; {allowed}");
        return new ClusterAddress(uri.Host, port, database);
    }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false,defaultDatabase={Database.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string ToString() =>
        $"redis://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}" + (Database == 0 ? "" : $"/{Database.ToString(CultureInfo.InvariantCulture)}");
}
