using System.Diagnostics;
using System.Net.Sockets;
using RlGym.Rendering.Live;

namespace RlGym.Serve.Runs;

/// <summary>
/// The dashboard's end of a run's <see cref="LiveFrameSocket"/>: one connection per run, shared by every viewer, and
/// the last frame cached for <see cref="CacheFor"/>, so fifty viewers cost the trainer what one does.
/// </summary>
internal sealed class LiveFrameClient(string socketPath) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Socket? _socket;
    private NetworkStream? _stream;
    private byte[]? _png;
    private long _pngTicks;
    private bool _disposed;

    /// <summary>Bumped whenever a frame different from the previous one arrives.</summary>
    public long Version { get; private set; }

    /// <summary>The last frame received, if any.</summary>
    public byte[]? Latest => _png;

    /// <summary>True when the run listens (it is training now). Connects if not connected.</summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_socket is not null && !IsClosed(_socket)) return true;
            return await ConnectAsync(cancellation).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    /// <summary>The run's frame, no older than <see cref="CacheFor"/>; null when the run is not training.</summary>
    public async Task<byte[]?> FrameAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_png is not null && Stopwatch.GetElapsedTime(_pngTicks) < CacheFor && _socket is not null) return _png;
            if ((_stream is null || IsClosed(_socket!)) && !await ConnectAsync(cancellation).ConfigureAwait(false)) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(RequestTimeout);
            byte[]? png;
            try { png = await LiveFrameSocket.RequestFrameAsync(_stream!, timeout.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                Disconnect();
                cancellation.ThrowIfCancellationRequested();
                return null;
            }
            _pngTicks = Stopwatch.GetTimestamp();
            if (png is not null && (_png is null || !png.AsSpan().SequenceEqual(_png)))
            {
                _png = png;
                Version++;
            }
            return _png;
        }
        finally { _gate.Release(); }
    }

    private async Task<bool> ConnectAsync(CancellationToken cancellation)
    {
        Disconnect();
        if (_disposed || !File.Exists(socketPath) || !LiveFrameSocket.IsUsable(socketPath)) return false;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            socket.Dispose();
            return false;
        }
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        return true;
    }

    /// <summary>A connection the run closed reads as readable with nothing to read.</summary>
    private static bool IsClosed(Socket socket)
    {
        try { return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0; }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { return true; }
    }

    private void Disconnect()
    {
        _stream?.Dispose();
        _stream = null;
        _socket = null;
    }

    public void Dispose()
    {
        _disposed = true;
        Disconnect();
    }
}
