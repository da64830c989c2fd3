using System.Buffers.Binary;
using System.Net.Sockets;

namespace RlGym.Rendering.Live;

/// <summary>
/// The local channel through which a training run hands its latest frame to a dashboard: a Unix domain socket named
/// <c>live.sock</c> in the run directory. A reader sends one byte per frame it wants; the run answers with a 4-byte
/// little-endian length and that many bytes of PNG (length 0: no frame yet). The socket exists only while the run
/// trains, so a reader that can connect also knows the run is alive. Nothing is written to disk but the socket's name.
/// </summary>
public static class LiveFrameSocket
{
    /// <summary>The socket's file name inside a run directory.</summary>
    public const string FileName = "live.sock";

    /// <summary>The byte a reader sends to ask for a frame.</summary>
    public const byte FrameRequest = (byte)'F';

    /// <summary>The longest PNG accepted from a run (a frame is far smaller; this bounds a reader's memory).</summary>
    public const int MaxFrameBytes = 16 << 20;

    /// <summary>Unix socket paths longer than this do not fit in <c>sockaddr_un</c> on every system.</summary>
    public const int MaxPathLength = 100;

    /// <summary>The socket of the run in <paramref name="runDirectory"/>.</summary>
    public static string PathIn(string runDirectory) => Path.Combine(Path.GetFullPath(runDirectory), FileName);

    /// <summary>True when a socket can be made at <paramref name="socketPath"/> on this system.</summary>
    public static bool IsUsable(string socketPath) =>
        Socket.OSSupportsUnixDomainSockets && System.Text.Encoding.UTF8.GetByteCount(socketPath) <= MaxPathLength;

    /// <summary>Writes one answer: the length, then the PNG bytes.</summary>
    public static async ValueTask WriteFrameAsync(Stream stream, ReadOnlyMemory<byte> png, CancellationToken cancellation)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, png.Length);
        await stream.WriteAsync(header, cancellation).ConfigureAwait(false);
        if (!png.IsEmpty) await stream.WriteAsync(png, cancellation).ConfigureAwait(false);
        await stream.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Asks for a frame and reads the answer; null when the run has none yet.</summary>
    public static async ValueTask<byte[]?> RequestFrameAsync(Stream stream, CancellationToken cancellation)
    {
        await stream.WriteAsync(new[] { FrameRequest }, cancellation).ConfigureAwait(false);
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, cancellation).ConfigureAwait(false);
        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > MaxFrameBytes) throw new IOException($"the run sent a frame of {length} bytes");
        if (length == 0) return null;
        var png = new byte[length];
        await stream.ReadExactlyAsync(png, cancellation).ConfigureAwait(false);
        return png;
    }
}
