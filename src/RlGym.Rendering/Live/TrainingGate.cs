using System.Globalization;

namespace RlGym.Rendering.Live;

/// <summary>
/// Lets the viewer pause, single-step and slow down the trainer. The trainer calls <see cref="WaitForTurn"/>
/// before each step; running free (not paused, turbo) that costs one volatile read. At a pace of n steps per
/// second, each window frame (<see cref="OnFrame"/>) grants n × the frame's duration steps (fractions carry over,
/// so 2 steps per second at 60 frames per second is one step every 30 frames) and the trainer waits for the next
/// frame once they are used. <see cref="Release"/> (the window closed) lets the trainer run free for good.
/// A gate that speeds up (the window's default while training) moves one pace faster after every finished episode
/// and after every second spent at one pace, up to <see cref="SpeedUpCeiling"/>, so the first steps play at a pace a
/// person follows and the learning curve still rises within seconds; a pace key or pausing holds the pace where the
/// viewer put it.
/// </summary>
public sealed class TrainingGate
{
    /// <summary>The paces Up and Down move through, in steps per second; 0 is turbo (no limit).</summary>
    public static IReadOnlyList<double> Paces { get; } = [1, 2, 4, 8, 15, 30, 60, 120, 250, 500, 1000, 2500, 10_000, 0];

    /// <summary>The fastest pace a speeding-up gate reaches on its own; ↑ goes on to turbo.</summary>
    public const double SpeedUpCeiling = 10_000;

    private readonly object _lock = new();
    private volatile bool _free;
    private bool _paused, _released, _speedingUp;
    private double _pace;
    private double _credit;
    private double _secondsAtPace;
    private int _permits;

    /// <summary>
    /// Creates a gate running at <paramref name="stepsPerSecond"/> (0 for turbo), optionally paused, optionally
    /// speeding up one pace per finished episode until the viewer touches the pace.
    /// </summary>
    public TrainingGate(double stepsPerSecond = 0, bool paused = false, bool speedUp = false)
    {
        if (!(stepsPerSecond >= 0) || double.IsInfinity(stepsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(stepsPerSecond), stepsPerSecond, "The pace is a number of steps per second ≥ 0 (0: turbo).");
        _pace = stepsPerSecond;
        _paused = paused;
        _speedingUp = speedUp && stepsPerSecond > 0 && stepsPerSecond < SpeedUpCeiling;
        lock (_lock) UpdateFree();
    }

    /// <summary>True while training is paused.</summary>
    public bool IsPaused { get { lock (_lock) return _paused; } }

    /// <summary>Steps allowed per second; 0 is turbo.</summary>
    public double StepsPerSecond { get { lock (_lock) return _pace; } }

    /// <summary>True while the gate still speeds up after each episode.</summary>
    public bool IsSpeedingUp { get { lock (_lock) return _speedingUp; } }

    /// <summary>True when running without any limit.</summary>
    public bool IsTurbo => StepsPerSecond == 0;

    /// <summary>The pace as the dashboard shows it, saying when it is still speeding up.</summary>
    public string Describe()
    {
        lock (_lock) return _speedingUp ? $"{Describe(_pace)}, speeding up (↑↓ hold)" : Describe(_pace);
    }

    /// <summary>A pace as text: <c>turbo</c>, <c>1 step/s</c>, <c>250 steps/s</c>.</summary>
    public static string Describe(double stepsPerSecond) =>
        stepsPerSecond == 0 ? "turbo" : stepsPerSecond == 1 ? "1 step/s" : $"{stepsPerSecond.ToString("#,0.##", CultureInfo.InvariantCulture)} steps/s";

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

    /// <summary>
    /// A new window frame that took <paramref name="seconds"/>: grants the steps of that time at the pace. Unused
    /// steps are not kept beyond a tenth of a second's worth, so a stall causes no burst.
    /// </summary>
    public void OnFrame(double seconds)
    {
        if (_free) return;
        lock (_lock)
        {
            if (_speedingUp && !_paused)
            {
                _secondsAtPace += Math.Clamp(seconds, 0, 0.25);
                if (_secondsAtPace >= 1) SpeedUpOnePace();
            }
            if (!_paused && _pace > 0)
            {
                _credit += _pace * Math.Clamp(seconds, 0, 0.25);
                // The epsilon absorbs rounding: 15 frames of 4/60 add up to 0.999…, which is one step.
                int whole = (int)(_credit + 1e-9);
                _credit -= whole;
                _permits = Math.Min(_permits + whole, Math.Max(1, (int)Math.Ceiling(_pace * 0.1)));
            }
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>
    /// An episode finished: a speeding-up gate moves one pace faster, stopping at <see cref="SpeedUpCeiling"/>.
    /// Call on the trainer's thread.
    /// </summary>
    public void OnEpisodeEnd()
    {
        if (_free) return;
        lock (_lock)
        {
            if (_speedingUp && !_paused) SpeedUpOnePace();
        }
    }

    private void SpeedUpOnePace()
    {
        _pace = Paces.First(p => p > _pace);
        if (_pace >= SpeedUpCeiling) { _pace = SpeedUpCeiling; _speedingUp = false; }
        _secondsAtPace = 0;
        UpdateFree();
    }

    /// <summary>Pauses or resumes; the pace holds from then on.</summary>
    public void TogglePause() { lock (_lock) { _paused = !_paused; _speedingUp = false; _permits = 0; _credit = 0; UpdateFree(); } }

    /// <summary>While paused, lets exactly one more step through.</summary>
    public void StepOnce() { lock (_lock) { if (_paused) { _permits++; Monitor.PulseAll(_lock); } } }

    /// <summary>One pace faster (towards turbo); the pace holds from then on.</summary>
    public void Faster()
    {
        lock (_lock)
        {
            _speedingUp = false;
            if (_pace == 0) return;
            _pace = Paces.FirstOrDefault(p => p == 0 || p > _pace);
            UpdateFree();
        }
    }

    /// <summary>One pace slower (down to one step per second); the pace holds from then on.</summary>
    public void Slower()
    {
        lock (_lock)
        {
            _speedingUp = false;
            double[] limited = [.. Paces.Where(p => p > 0)];
            _pace = _pace == 0 ? limited[^1] : limited.LastOrDefault(p => p < _pace, limited[0]);
            _credit = 0;
            _permits = Math.Min(_permits, 1);
            UpdateFree();
        }
    }

    /// <summary>Stops gating for good: the window closed.</summary>
    public void Release() { lock (_lock) { _released = true; UpdateFree(); } }

    private void UpdateFree()
    {
        _free = _released || (!_paused && _pace == 0);
        Monitor.PulseAll(_lock);
    }
}
