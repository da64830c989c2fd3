using System.Diagnostics;
using System.Globalization;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Live;

/// <summary>
/// The window's and the recorder's eyes on a training run (or a replay). After each step it consults the
/// <see cref="TrainingGate"/> (pause, single step, pace), copies a <see cref="FrameSnapshot"/> only when the window
/// asked for one since its last frame or the episode is being recorded, and keeps the return of every episode and
/// every greedy evaluation for the learning curve. The very first reset is always published, so the window shows
/// the start state before the first step; <see cref="PublishFinal"/> publishes the end of the run. Values are read
/// through <see cref="IActionValues{TObs}"/> when the agent offers it. With a mosaic of N copies the observer also
/// follows copies 1 to N − 1 of a vector run and each frame carries their pictures (<see cref="FrameSnapshot.Copies"/>).
/// </summary>
public sealed class LiveViewObserver : ITrainingObserver
{
    /// <summary>Cells kept in a grid-world's trail.</summary>
    public const int TrailLength = 12;

    private readonly string _envId;
    private readonly IEnv _env;
    private readonly IGridView? _grid;
    private readonly GridLayout? _layout;
    private readonly IDrawableEnv? _drawable;
    private readonly int _stateCount;
    private readonly IActionValues<int>? _discreteValues;
    private readonly IActionValues<float[]>? _continuousValues;
    private readonly IExploring? _exploring;
    private readonly IReadOnlyList<string> _actionLabels;
    private readonly double? _threshold;
    private readonly int? _replayEpisodes;
    private readonly SnapshotQueue? _queue;
    private readonly TrainingGate? _gate;
    private readonly EpisodeRecorder? _recorder;
    private readonly CancellationToken _cancellation;

    private double[] _returns = new double[256];
    private int _episodes;
    // Copy 0's finished episodes, which the recording schedule counts: with K copies the run's episode count moves
    // on whenever any copy finishes, which would cut a recorded episode of copy 0 short.
    private int _ownEpisodes;
    private double[] _evalEpisodes = new double[16], _evalReturns = new double[16];
    private int _evaluations;
    private double _lastExploration = double.NaN;
    private long _steps;
    private long _rateSteps, _rateTicks;
    private double _stepsPerSecond = double.NaN;
    private object? _lastObservation;
    private object? _lastAction;
    private double _lastReward = double.NaN, _episodeReturn;
    private int _episodeStep;
    private bool _startPublished;
    private readonly Queue<(int, int)> _trail = new(TrailLength + 1);
    private (int, int) _lastCell;
    // Copies 1 .. N − 1 of a mosaic, indexed by copy (slot 0 unused: copy 0 is the fields above).
    private readonly CopyView?[] _copies;
    private Pending _pending;

    // What copy 0 did in the vector step a mosaic has yet to show.
    private enum Pending { None, Step, Start }

    /// <summary>Watches <paramref name="env"/> trained by <paramref name="agent"/> (either may be wrapped or untyped).</summary>
    /// <param name="env">The environment being trained on.</param>
    /// <param name="agent">The agent, for its values and exploration rate; null when there is none.</param>
    /// <param name="queue">Where the window asks for and takes snapshots; null without a window.</param>
    /// <param name="gate">The pause and pace control; null to never wait.</param>
    /// <param name="recorder">Records chosen episodes; null to record nothing.</param>
    /// <param name="cancellation">Ends a wait in the gate when the run is stopped.</param>
    /// <param name="replayEpisodes">For a replay (<c>rlgym watch</c>): how many episodes it plays; null while training.</param>
    /// <param name="mosaic">Copies shown, copy 0 first (1: copy 0 alone); a run with fewer copies shows those it has.</param>
    public LiveViewObserver(IEnv env, object? agent, SnapshotQueue? queue = null, TrainingGate? gate = null,
        EpisodeRecorder? recorder = null, CancellationToken cancellation = default, int? replayEpisodes = null, int mosaic = 1)
    {
        if (mosaic < 1) throw new ArgumentOutOfRangeException(nameof(mosaic), mosaic, "At least one copy is shown.");
        _copies = new CopyView?[mosaic];
        _env = env;
        _envId = env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "";
        _threshold = env.Spec?.RewardThreshold ?? env.Unwrapped.Spec?.RewardThreshold;
        _grid = env.Unwrapped as IGridView;
        if (_grid is not null) _layout = GridLayout.From(_grid);
        _drawable = env.Unwrapped as IDrawableEnv;
        _stateCount = env.ObservationSpace is Discrete d ? d.N : _grid is null ? 0 : _grid.Rows * _grid.Columns;
        _discreteValues = agent as IActionValues<int>;
        _continuousValues = agent as IActionValues<float[]>;
        _exploring = agent as IExploring;
        _actionLabels = ActionLabels.For(env);
        _replayEpisodes = replayEpisodes;
        _queue = queue;
        _gate = gate;
        _recorder = recorder;
        _cancellation = cancellation;
        _rateTicks = Stopwatch.GetTimestamp();
    }

    /// <summary>Episodes finished so far.</summary>
    public int Episodes => _episodes;

    /// <inheritdoc />
    public int WatchedCopies => _copies.Length;

    /// <inheritdoc />
    public void OnCopyEpisodeStart(int copy, IEnv env, object observation)
    {
        var view = CopyAt(copy, env);
        if (view is null) return;
        view.Observation = observation;
        view.Action = null;
        view.Reward = double.NaN;
        view.Return = 0;
        view.Step = 0;
    }

    /// <inheritdoc />
    public void OnCopyStep(int copy, IEnv env, object observation, object action, double reward)
    {
        var view = CopyAt(copy, env);
        if (view is null) return;
        view.Observation = observation;
        view.Action = action;
        view.Reward = reward;
        view.Return += reward;
        view.Step++;
    }

    private CopyView? CopyAt(int copy, IEnv env)
    {
        if (copy < 1 || copy >= _copies.Length) return null;
        return _copies[copy] ??= new CopyView(env);
    }

    /// <inheritdoc />
    public void OnAction(object action, double reward)
    {
        _lastAction = action;
        _lastReward = reward;
        _episodeReturn += reward;
        _episodeStep++;
    }

    /// <inheritdoc />
    public void OnStep(IEnv env, object observation, long totalSteps)
    {
        _steps = totalSteps;
        _lastObservation = observation;
        if (_grid is not null) Remember(_grid.CellOf(_grid.CurrentState));
        // A mosaic shows copy 0 once the other copies have stepped too (OnCopiesStepped).
        if (_copies.Length > 1) _pending = Pending.Step;
        else Show(observation);
    }

    private void Show(object observation)
    {
        if (_queue is not null && _queue.TryClaimRequest()) _queue.Publish(Capture(observation));
        if (_recorder is not null && _recorder.Records(_ownEpisodes)) _recorder.Record(Capture(observation));
        _gate?.WaitForTurn(_cancellation);
    }

    private void ShowStart(object observation)
    {
        if (_queue is not null && (!_startPublished || _queue.TryClaimRequest()))
        {
            _startPublished = true;
            _queue.Publish(Capture(observation));
        }
        if (_recorder is not null && _recorder.Records(_ownEpisodes)) _recorder.Record(Capture(observation));
    }

    /// <inheritdoc />
    public void OnCopiesStepped()
    {
        var pending = _pending;
        _pending = Pending.None;
        if (_lastObservation is not { } observation) return;
        if (pending == Pending.Step) Show(observation);
        else if (pending == Pending.Start) ShowStart(observation);
    }

    /// <summary>
    /// The first observation of an episode: published when asked for (always for the run's first reset) and
    /// recorded when the episode is, so videos start from the reset state.
    /// </summary>
    public void OnEpisodeStart(IEnv env, object observation) => OnEpisodeStart(observation);

    /// <summary>The first observation of an episode, for callers that drive the observer without the trainer.</summary>
    public void OnEpisodeStart(object observation)
    {
        _lastObservation = observation;
        _lastAction = null;
        _lastReward = double.NaN;
        _episodeReturn = 0;
        _episodeStep = 0;
        _trail.Clear();
        if (_grid is not null) Remember(_grid.CellOf(_grid.CurrentState));
        if (_copies.Length > 1) _pending = Pending.Start;
        else ShowStart(observation);
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
        if (metrics.EvalReturn is { } evaluation)
        {
            if (_evaluations == _evalEpisodes.Length)
            {
                var (episodes, returns) = (new double[_evaluations * 2], new double[_evaluations * 2]);
                _evalEpisodes.AsSpan().CopyTo(episodes);
                _evalReturns.AsSpan().CopyTo(returns);
                (_evalEpisodes, _evalReturns) = (episodes, returns);
            }
            _evalEpisodes[_evaluations] = metrics.Episode + 1;
            _evalReturns[_evaluations] = evaluation;
            _evaluations++;
        }
        if (metrics.Env == 0) _ownEpisodes++;
        _lastExploration = metrics.ExplorationRate;
        _steps = metrics.TotalSteps;
        Volatile.Write(ref _episodes, _episodes + 1);
        _gate?.OnEpisodeEnd();
    }

    /// <summary>
    /// Publishes the run's last frame (the last observation, every episode's return, marked finished) whether or
    /// not the window asked, so the window never ends on a stale frame. Call on the trainer's thread once the run
    /// has ended.
    /// </summary>
    public void PublishFinal()
    {
        if (_queue is null) return;
        _queue.Publish(Capture(_lastObservation ?? 0, finished: true));
    }

    /// <summary>Copies what a frame shows now. Call on the trainer's thread, between steps.</summary>
    public FrameSnapshot Capture(object observation) => Capture(observation, finished: false);

    private FrameSnapshot Capture(object observation, bool finished)
    {
        UpdateRate();
        float[] obs = observation is float[] f ? (float[])f.Clone() : [];
        double[]? q = null;
        GridFrame? grid = null;
        var kind = ActionValueKind.ActionValues;
        if (_grid is not null && _layout is not null)
            grid = GridFrame.Capture(_layout, _grid, _stateCount, _discreteValues) with { Trail = [.. _trail] };
        if (_discreteValues is not null && observation is int s)
        {
            q = new double[_discreteValues.ActionCount];
            _discreteValues.ActionValues(s, q);
            kind = _discreteValues.Kind;
        }
        else if (_continuousValues is not null && observation is float[] o)
        {
            q = new double[_continuousValues.ActionCount];
            _continuousValues.ActionValues(o, q);
            kind = _continuousValues.Kind;
        }
        Sketch? sketch = _drawable is null ? null : SketchOf(_drawable);
        return new FrameSnapshot
        {
            EnvId = _envId,
            Observation = obs,
            DiscreteObservation = observation is int index ? index : -1,
            DiscreteCount = _env.ObservationSpace is Discrete ds ? ds.N : 0,
            Grid = grid,
            Board = BoardFrame.Of(_env),
            ActionValues = q,
            ValueKind = kind,
            ActionLabels = _actionLabels,
            LastAction = DescribeAction(_lastAction),
            LastContinuousAction = _lastAction is float[] fa ? (float[])fa.Clone() : [],
            LastReward = _lastReward,
            EpisodeReturn = _episodeReturn,
            EpisodeStep = _episodeStep,
            Returns = new ReadOnlyMemory<double>(_returns, 0, _episodes),
            EvaluationEpisodes = new ReadOnlyMemory<double>(_evalEpisodes, 0, _evaluations),
            EvaluationReturns = new ReadOnlyMemory<double>(_evalReturns, 0, _evaluations),
            RewardThreshold = _threshold,
            Episode = _episodes,
            Step = _steps,
            ExplorationRate = _exploring?.ExplorationRate ?? _lastExploration,
            StepsPerSecond = _stepsPerSecond,
            ReplayEpisodes = _replayEpisodes,
            Finished = finished,
            Sketch = sketch,
            Copies = CaptureCopies(),
        };
    }

    // The other copies' pictures, in copy order; a copy not yet reset by the trainer is left out.
    private FrameSnapshot[] CaptureCopies()
    {
        if (_copies.Length == 1) return [];
        var frames = new List<FrameSnapshot>(_copies.Length - 1);
        foreach (var view in _copies)
        {
            if (view?.Observation is not { } observation) continue;
            GridFrame? grid = null;
            if (view.Grid is { } g)
            {
                view.Layout ??= GridLayout.From(g);
                grid = GridFrame.Capture(view.Layout, g, _stateCount, _discreteValues);
            }
            frames.Add(new FrameSnapshot
            {
                EnvId = _envId,
                Observation = observation is float[] f ? (float[])f.Clone() : [],
                DiscreteObservation = observation is int index ? index : -1,
                DiscreteCount = view.Env.ObservationSpace is Discrete ds ? ds.N : 0,
                Grid = grid,
                ActionLabels = _actionLabels,
                LastAction = DescribeAction(view.Action),
                LastContinuousAction = view.Action is float[] fa ? (float[])fa.Clone() : [],
                LastReward = view.Reward,
                EpisodeReturn = view.Return,
                EpisodeStep = view.Step,
                RewardThreshold = _threshold,
                Sketch = view.Drawable is { } d ? SketchOf(d) : null,
            });
        }
        return [.. frames];
    }

    private static Sketch SketchOf(IDrawableEnv drawable)
    {
        try { return Sketch.Record(drawable.Draw, Math.Max(1, drawable.DrawingWidth), Math.Max(1, drawable.DrawingHeight)); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A plugin's drawing bug must not stop its training; the frame says what went wrong instead.
            return new Sketch([new TextCall($"Draw failed: {e.Message}", 8, 8, 16, Palette.Agent)], 600, 600);
        }
    }

    /// <summary>What the observer keeps of one more copy in a mosaic: its env and its episode so far.</summary>
    private sealed class CopyView(IEnv env)
    {
        public IEnv Env { get; } = env;
        public IGridView? Grid { get; } = env.Unwrapped as IGridView;
        public IDrawableEnv? Drawable { get; } = env.Unwrapped as IDrawableEnv;
        public GridLayout? Layout { get; set; }
        public object? Observation { get; set; }
        public object? Action { get; set; }
        public double Reward { get; set; } = double.NaN;
        public double Return { get; set; }
        public int Step { get; set; }
    }

    private string DescribeAction(object? action) => action switch
    {
        null => "",
        int a when a >= 0 && a < _actionLabels.Count => _actionLabels[a],
        int a => a.ToString(CultureInfo.InvariantCulture),
        float[] v => string.Join(", ", v.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture))),
        _ => action.ToString() ?? "",
    };

    private void Remember((int Row, int Column) cell)
    {
        if (_trail.Count > 0 && _lastCell == cell) return;
        _lastCell = cell;
        _trail.Enqueue(cell);
        while (_trail.Count > TrailLength) _trail.Dequeue();
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
