using System.Net;

namespace RlGym.Serve.Security;

/// <summary>Which listen addresses stay on this machine.</summary>
public static class HostAddress
{
    /// <summary>True for <c>localhost</c> and loopback addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A fresh random token, 48 hexadecimal digits (192 bits), as Jupyter prints one.</summary>
    public static string NewToken() => System.Security.Cryptography.RandomNumberGenerator.GetHexString(48, lowercase: true);
}
