namespace RlGym.Rendering.Live;

/// <summary>
/// Hands frames from the trainer's thread to the window, latest wins. The window asks with
/// <see cref="Request"/> once per frame; the trainer checks <see cref="TryClaimRequest"/> after each step (one
/// volatile read when nobody asked) and only then copies a snapshot and <see cref="Publish"/>es it, so nothing is
/// copied when nobody draws. Neither side ever waits for the other.
/// </summary>
public sealed class SnapshotQueue
{
    private FrameSnapshot? _latest;
    private int _requested;
    private long _version;

    /// <summary>Asks the trainer for a fresh snapshot (window side).</summary>
    public void Request() => Volatile.Write(ref _requested, 1);

    /// <summary>True when a snapshot was asked for and not yet claimed.</summary>
    public bool IsRequested => Volatile.Read(ref _requested) != 0;

    /// <summary>Claims the pending request, if any (trainer side): true means "capture and publish one now".</summary>
    public bool TryClaimRequest() => Volatile.Read(ref _requested) != 0 && Interlocked.Exchange(ref _requested, 0) == 1;

    /// <summary>Replaces the latest snapshot (trainer side).</summary>
    public void Publish(FrameSnapshot snapshot)
    {
        Volatile.Write(ref _latest, snapshot);
        Interlocked.Increment(ref _version);
    }

    /// <summary>The most recent snapshot, or null before the first (window side).</summary>
    public FrameSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>How many snapshots have been published.</summary>
    public long Version => Interlocked.Read(ref _version);
}
