using System.Diagnostics;
using System.Net.Sockets;
using RlGym.Core.Environments;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Live;

/// <summary>
/// Lets a dashboard (<c>rlgym serve</c>) show a training run's environment while it trains, at no cost when nobody
/// watches. It listens on the run's <see cref="LiveFrameSocket"/>; when a reader asks for a frame, the next step of
/// the trainer copies a <see cref="FrameSnapshot"/> (the trainer otherwise does one volatile read per step) and the
/// listener's own thread draws it offscreen. However many readers ask, at most one frame is drawn per
/// <see cref="MinInterval"/>: later readers get the cached PNG.
/// </summary>
public sealed class LiveFramePublisher : ITrainingObserver, IDisposable
{
    /// <summary>The shortest time between two drawn frames (at most five frames a second).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a reader waits for the trainer's next step before it gets the previous frame.</summary>
    public static readonly TimeSpan StepWait = TimeSpan.FromSeconds(1);

    private readonly LiveViewObserver _view;
    private readonly FrameRenderer _renderer;
    private readonly Lock _renderLock = new();
    private readonly Socket? _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _captured = new(false);
    private readonly Task _acceptLoop = Task.CompletedTask;
    private int _wanted;
    private FrameSnapshot? _snapshot;
    private byte[]? _png;
    private long _pngTicks;
    private bool _disposed;

    /// <summary>
    /// Publishes frames of <paramref name="env"/> (trained by <paramref name="agent"/>, whose values are drawn on
    /// grid-worlds) through the socket in <paramref name="runDirectory"/>. Where no socket can be made there (the
    /// system has none, or the path is too long), the publisher stays silent and <see cref="IsListening"/> is false.
    /// </summary>
    public LiveFramePublisher(IEnv env, object? agent, string runDirectory, int width = 600, int height = 600)
    {
        _view = new LiveViewObserver(env, agent);
        _renderer = new FrameRenderer(new Layout(SceneCatalog.For(env), dashboard: null), width, height);
        SocketPath = LiveFrameSocket.PathIn(runDirectory);
        if (!LiveFrameSocket.IsUsable(SocketPath)) return;
        try
        {
            // A socket left by a run that crashed is only a name; remove it so this run can listen.
            if (File.Exists(SocketPath)) File.Delete(SocketPath);
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
            listener.Listen(16);
            _listener = listener;
            _acceptLoop = Task.Run(AcceptLoop);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            _listener = null;
        }
    }

    /// <summary>The socket's path.</summary>
    public string SocketPath { get; }

    /// <summary>True when readers can connect.</summary>
    public bool IsListening => _listener is not null;

    /// <summary>Frames drawn so far (at most one per <see cref="MinInterval"/>).</summary>
    public long FramesDrawn { get; private set; }

    /// <inheritdoc />
    public void OnEpisodeStart(IEnv env, object observation) => Capture(observation);

    /// <inheritdoc />
    public void OnStep(IEnv env, object observation, long totalSteps) => Capture(observation);

    private void Capture(object observation)
    {
        if (Volatile.Read(ref _wanted) == 0 || Interlocked.Exchange(ref _wanted, 0) == 0) return;
        Volatile.Write(ref _snapshot, _view.Capture(observation));
        _captured.Set();
    }

    /// <summary>
    /// The latest frame as PNG: drawn afresh from the trainer's next step unless one was drawn less than
    /// <see cref="MinInterval"/> ago; null when the trainer took no step within <see cref="StepWait"/> and no frame
    /// was drawn before. Safe from any thread but the trainer's.
    /// </summary>
    public byte[]? LatestPng()
    {
        lock (_renderLock)
        {
            if (_png is not null && Stopwatch.GetElapsedTime(_pngTicks) < MinInterval) return _png;
            _captured.Reset();
            Interlocked.Exchange(ref _wanted, 1);
            if (!_captured.Wait(StepWait))
            {
                Interlocked.Exchange(ref _wanted, 0);
                return _png;
            }
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is null) return _png;
            _png = _renderer.RenderPng(snapshot);
            _pngTicks = Stopwatch.GetTimestamp();
            FramesDrawn++;
            return _png;
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener!.AcceptAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(Socket client)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        var request = new byte[1];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (await stream.ReadAsync(request, _stop.Token).ConfigureAwait(false) == 0) return;
                if (request[0] != LiveFrameSocket.FrameRequest) return;
                byte[]? png = await Task.Run(LatestPng, _stop.Token).ConfigureAwait(false);
                await LiveFrameSocket.WriteFrameAsync(stream, png ?? [], _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The reader left or the run ended; either way this connection is done.
        }
    }

    /// <summary>Stops listening and removes the socket's name from the run directory.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _listener?.Dispose();
        try { _acceptLoop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        if (_listener is not null)
        {
            try { File.Delete(SocketPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        lock (_renderLock) _renderer.Dispose();
        _captured.Dispose();
        _stop.Dispose();
    }
}
