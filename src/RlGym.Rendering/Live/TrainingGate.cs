namespace RlGym.Rendering.Live;

/// <summary>
/// Lets the viewer pause, single-step and slow down the trainer. The trainer calls <see cref="WaitForTurn"/>
/// before each step; running free (not paused, turbo) that costs one volatile read. Slowed to n steps per frame,
/// each window frame (<see cref="OnFrame"/>) grants n steps and the trainer waits for the next frame once they
/// are used. <see cref="Release"/> (the window closed) lets the trainer run free for good.
/// </summary>
public sealed class TrainingGate
{
    /// <summary>The paces Up and Down move through, in steps per frame; 0 is turbo (no limit).</summary>
    public static IReadOnlyList<int> Speeds { get; } = [1, 2, 5, 10, 20, 50, 100, 250, 1000, 0];

    private readonly object _lock = new();
    private volatile bool _free;
    private bool _paused, _released;
    private int _speedIndex;
    private int _permits;

    /// <summary>Creates a gate running at <paramref name="stepsPerFrame"/> (0 for turbo), optionally paused.</summary>
    public TrainingGate(int stepsPerFrame = 0, bool paused = false)
    {
        int index = -1;
        for (int i = 0; i < Speeds.Count; i++) if (Speeds[i] == stepsPerFrame) index = i;
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(stepsPerFrame), stepsPerFrame, $"Steps per frame must be one of {string.Join(", ", Speeds)}.");
        _speedIndex = index;
        _paused = paused;
        lock (_lock) UpdateFree();
    }

    /// <summary>True while training is paused.</summary>
    public bool IsPaused { get { lock (_lock) return _paused; } }

    /// <summary>Steps allowed per frame; 0 is turbo.</summary>
    public int StepsPerFrame { get { lock (_lock) return Speeds[_speedIndex]; } }

    /// <summary>True when running without any limit.</summary>
    public bool IsTurbo => StepsPerFrame == 0;

    /// <summary>The pace as the dashboard shows it.</summary>
    public string Describe()
    {
        int n = StepsPerFrame;
        return n == 0 ? "turbo" : n == 1 ? "1 step/frame" : $"{n} steps/frame";
    }

    /// <summary>Blocks the trainer while paused or out of this frame's steps; returns at once when running free.</summary>
    public void WaitForTurn(CancellationToken cancellation = default)
    {
        if (_free) return;
        lock (_lock)
        {
            while (!_free && !cancellation.IsCancellationRequested)
            {
                if (_permits > 0) { _permits--; return; }
                // The timeout lets a cancellation that nobody pulses for still end the wait.
                Monitor.Wait(_lock, 100);
            }
        }
    }

    /// <summary>A new window frame: grants this frame's steps (not accumulated, so a slow frame causes no burst).</summary>
    public void OnFrame()
    {
        if (_free) return;
        lock (_lock)
        {
            if (!_paused) _permits = Speeds[_speedIndex];
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Pauses or resumes.</summary>
    public void TogglePause() { lock (_lock) { _paused = !_paused; _permits = 0; UpdateFree(); } }

    /// <summary>While paused, lets exactly one more step through.</summary>
    public void StepOnce() { lock (_lock) { if (_paused) { _permits++; Monitor.PulseAll(_lock); } } }

    /// <summary>One pace faster (towards turbo).</summary>
    public void Faster() { lock (_lock) { _speedIndex = Math.Min(_speedIndex + 1, Speeds.Count - 1); UpdateFree(); } }

    /// <summary>One pace slower (towards one step per frame).</summary>
    public void Slower() { lock (_lock) { _speedIndex = Math.Max(_speedIndex - 1, 0); UpdateFree(); } }

    /// <summary>Stops gating for good: the window closed.</summary>
    public void Release() { lock (_lock) { _released = true; UpdateFree(); } }

    private void UpdateFree()
    {
        _free = _released || (!_paused && Speeds[_speedIndex] == 0);
        Monitor.PulseAll(_lock);
    }
}
