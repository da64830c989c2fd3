using System.Diagnostics;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;
using RlGym.Rendering.Recording;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Live;

/// <summary>
/// The window's and the recorder's eyes on a training run. After each step it consults the
/// <see cref="TrainingGate"/> (pause, single step, pace), copies a <see cref="FrameSnapshot"/> only when the window
/// asked for one since its last frame or the episode is being recorded, and keeps the return of every episode
/// for the learning curve. Values are read through <see cref="IActionValues{TObs}"/> when the agent offers it.
/// </summary>
public sealed class LiveViewObserver : ITrainingObserver
{
    private readonly string _envId;
    private readonly IGridView? _grid;
    private readonly GridLayout? _layout;
    private readonly int _stateCount;
    private readonly IActionValues<int>? _discreteValues;
    private readonly IActionValues<float[]>? _continuousValues;
    private readonly IExploring? _exploring;
    private readonly SnapshotQueue? _queue;
    private readonly TrainingGate? _gate;
    private readonly EpisodeRecorder? _recorder;
    private readonly CancellationToken _cancellation;

    private double[] _returns = new double[256];
    private int _episodes;
    private double _lastExploration = double.NaN;
    private long _steps;
    private long _rateSteps, _rateTicks;
    private double _stepsPerSecond = double.NaN;

    /// <summary>Watches <paramref name="env"/> trained by <paramref name="agent"/> (either may be wrapped or untyped).</summary>
    /// <param name="env">The environment being trained on.</param>
    /// <param name="agent">The agent, for its values and exploration rate; null when there is none.</param>
    /// <param name="queue">Where the window asks for and takes snapshots; null without a window.</param>
    /// <param name="gate">The pause and pace control; null to never wait.</param>
    /// <param name="recorder">Records chosen episodes; null to record nothing.</param>
    /// <param name="cancellation">Ends a wait in the gate when the run is stopped.</param>
    public LiveViewObserver(IEnv env, object? agent, SnapshotQueue? queue = null, TrainingGate? gate = null,
        EpisodeRecorder? recorder = null, CancellationToken cancellation = default)
    {
        _envId = env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "";
        _grid = env.Unwrapped as IGridView;
        if (_grid is not null) _layout = GridLayout.From(_grid);
        _stateCount = env.ObservationSpace is Discrete d ? d.N : _grid is null ? 0 : _grid.Rows * _grid.Columns;
        _discreteValues = agent as IActionValues<int>;
        _continuousValues = agent as IActionValues<float[]>;
        _exploring = agent as IExploring;
        _queue = queue;
        _gate = gate;
        _recorder = recorder;
        _cancellation = cancellation;
        _rateTicks = Stopwatch.GetTimestamp();
    }

    /// <summary>Episodes finished so far.</summary>
    public int Episodes => _episodes;

    /// <inheritdoc />
    public void OnStep(IEnv env, object observation, long totalSteps)
    {
        _steps = totalSteps;
        if (_queue is not null && _queue.TryClaimRequest()) _queue.Publish(Capture(observation));
        if (_recorder is not null && _recorder.Records(_episodes)) _recorder.Record(Capture(observation));
        _gate?.WaitForTurn(_cancellation);
    }

    /// <summary>
    /// The first observation of an episode (the trainer's contract reports steps only): published when asked for
    /// and recorded when the episode is, so videos start from the reset state.
    /// </summary>
    public void OnEpisodeStart(IEnv env, object observation) => OnEpisodeStart(observation);

    /// <summary>The first observation of an episode, for callers that drive the observer without the trainer.</summary>
    public void OnEpisodeStart(object observation)
    {
        if (_queue is not null && _queue.TryClaimRequest()) _queue.Publish(Capture(observation));
        if (_recorder is not null && _recorder.Records(_episodes)) _recorder.Record(Capture(observation));
    }

    /// <inheritdoc />
    public void OnEpisode(EpisodeMetrics metrics)
    {
        if (_episodes == _returns.Length)
        {
            // A new array, so snapshots holding the old one keep reading valid returns.
            var grown = new double[_returns.Length * 2];
            _returns.AsSpan().CopyTo(grown);
            _returns = grown;
        }
        _returns[_episodes] = metrics.Return;
        _lastExploration = metrics.ExplorationRate;
        _steps = metrics.TotalSteps;
        Volatile.Write(ref _episodes, _episodes + 1);
    }

    /// <summary>Copies what a frame shows now. Call on the trainer's thread, between steps.</summary>
    public FrameSnapshot Capture(object observation)
    {
        UpdateRate();
        float[] obs = observation is float[] f ? (float[])f.Clone() : [];
        double[]? q = null;
        GridFrame? grid = null;
        if (_grid is not null && _layout is not null)
            grid = GridFrame.Capture(_layout, _grid, _stateCount, _discreteValues);
        if (_discreteValues is not null && observation is int s)
        {
            q = new double[_discreteValues.ActionCount];
            _discreteValues.ActionValues(s, q);
        }
        else if (_continuousValues is not null && observation is float[] o)
        {
            q = new double[_continuousValues.ActionCount];
            _continuousValues.ActionValues(o, q);
        }
        return new FrameSnapshot
        {
            EnvId = _envId,
            Observation = obs,
            Grid = grid,
            ActionValues = q,
            Returns = new ReadOnlyMemory<double>(_returns, 0, _episodes),
            Episode = _episodes,
            Step = _steps,
            ExplorationRate = _exploring?.ExplorationRate ?? _lastExploration,
            StepsPerSecond = _stepsPerSecond,
        };
    }

    private void UpdateRate()
    {
        long now = Stopwatch.GetTimestamp();
        double seconds = (now - _rateTicks) / (double)Stopwatch.Frequency;
        if (seconds < 0.5) return;
        _stepsPerSecond = (_steps - _rateSteps) / seconds;
        _rateSteps = _steps;
        _rateTicks = now;
    }
}
