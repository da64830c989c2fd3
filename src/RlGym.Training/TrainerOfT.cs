using System.Diagnostics;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training.Evaluation;
using RlGym.Training.Metrics;

namespace RlGym.Training;

/// <summary>
/// The training loop at known types: one loop over K copies of the environment (K = 1 unless asked).
/// <para>
/// Each vector step: the agent chooses an action for every copy (<c>agent.Act(s[0..K], a[0..K])</c>); each copy
/// steps, or, when its episode ended in the previous step, is reset instead and yields no transition (Gymnasium's
/// next-step autoreset); the agent learns from the step's transitions (<c>agent.Observe(...)</c>); each episode that
/// ended is booked (metrics row with its copy, evaluation and checkpoint when due). The budget is checked between
/// vector steps, so with K copies a run may end up to K − 1 steps or episodes past it. Copy i's first reset is seeded
/// with seed + i, later resets continue its stream. The window and recordings follow copy 0, and a mosaic the first
/// copies (<see cref="ITrainingObserver.WatchedCopies"/>).
/// </para>
/// <para>
/// A checkpoint holds every copy's state, so a run stopped at any step (cancellation, budget, a crash after the
/// last checkpoint) and resumed gives the metrics (wall time aside) and final agent of the uninterrupted run.
/// Environments that cannot save their state (<see cref="IStatefulEnv"/>) keep only their generator: a resumed run
/// then starts their copies on new episodes.
/// </para>
/// <para>
/// An environment that throws, or returns a NaN or infinite reward or observation, stops the run with an
/// <see cref="EnvironmentFaultException"/>; no checkpoint is written then, so the last good one stays.
/// </para>
/// </summary>
public sealed partial class Trainer<TObs, TAct> : Trainer where TObs : notnull where TAct : notnull
{
    private readonly IEnv<TObs, TAct>[] _envs;
    private readonly IAgent<TObs, TAct> _agent;
    private readonly TrainerOptions _options;
    private readonly ITrainingObserver[] _observers;
    // Copies 1 .. _watchedCopies − 1 are reported to the observers that watch them (a window's mosaic).
    private readonly int _watchedCopies;
    private readonly ITrainingObserver[] _mosaics;
    private readonly string _envId;

    /// <summary>A trainer for <paramref name="agent"/> on the copies <paramref name="envs"/> (one or more), which it disposes.</summary>
    public Trainer(IReadOnlyList<IEnv<TObs, TAct>> envs, IAgent<TObs, TAct> agent, TrainerOptions options)
    {
        options.Check();
        if (envs.Count == 0) throw new ArgumentException("At least one environment copy is needed.", nameof(envs));
        _envs = [.. envs];
        _agent = agent;
        _options = options;
        _observers = [.. options.Observers];
        _watchedCopies = Math.Clamp(_observers.Length == 0 ? 1 : _observers.Max(o => o.WatchedCopies), 1, _envs.Length);
        _mosaics = [.. _observers.Where(o => o.WatchedCopies > 1)];
        _envId = options.EnvId ?? FaultCheck.Name(_envs[0]);
    }

    /// <summary>A trainer for <paramref name="agent"/> on one environment.</summary>
    public Trainer(IEnv<TObs, TAct> env, IAgent<TObs, TAct> agent, TrainerOptions options)
        : this([env], agent, options with { Envs = 1 })
    {
    }

    /// <inheritdoc />
    public override IEnv Environment => _envs[0];

    /// <inheritdoc />
    public override IReadOnlyList<IEnv> Environments => _envs;

    /// <inheritdoc />
    public override IAgent Agent => _agent;

    /// <inheritdoc />
    public override TrainingResult Run(CancellationToken cancellation = default)
    {
        var o = _options;
        var run = new RunState(_envs.Length);
        var resumed = o.Resume ? Resume(run) : null;
        if (resumed is null) o.Directory?.PrepareFresh(o.Force);

        using var evalEnv = o.EvaluationEnv is null ? null : CreateEvaluationEnv(o.EvaluationEnv);
        if (resumed is not null && evalEnv is not null) RestoreEvaluation(evalEnv, resumed);
        using var metrics = o.Directory is not { } dir ? null
            : resumed is null ? MetricsWriter.Create(dir.MetricsPath, o.Force)
            : MetricsWriter.Resume(dir.MetricsPath, resumed.MetricsRows);
        var session = new Session(run, metrics, evalEnv, o.KeepReturns ? [] : null, Stopwatch.StartNew());

        int k = _envs.Length;
        var actions = new TAct[k];
        var transitions = new Transition<TObs, TAct>[k];
        var finished = new int[k];
        if (!run.Seeded) ResetAll(run);

        bool cancelled = false;
        for (long iteration = 1; !BudgetReached(run); iteration++)
        {
            if (cancellation.IsCancellationRequested) { cancelled = true; break; }
            // Rows are flushed in batches; during a long episode the last ones still reach the file promptly.
            if ((iteration & 1023) == 0) metrics?.FlushIfDue();
            // The agent acts for every copy (a copy being reset ignores its action); each copy steps or is reset;
            // the agent learns from the step's transitions; the episodes that ended are booked.
            if (!run.AllResetting()) _agent.Act(run.Observations, actions);
            StepCopies(session, actions, transitions, finished);
        }
        return Finish(session, cancelled, resumed?.Episode);
    }

    /// <summary>
    /// Steps every copy with <paramref name="actions"/> (resetting those whose episode ended), lets the agent learn
    /// from their transitions, books the episodes that ended and takes a checkpoint when one is due. A vector step is
    /// never cut short, so every stop falls between two of them and a resumed run continues exactly.
    /// </summary>
    private void StepCopies(Session session, TAct[] actions, Transition<TObs, TAct>[] transitions, int[] finished)
    {
        var run = session.Run;
        int episodesBefore = run.Episode, count = 0, ended = 0;
        for (int i = 0; i < _envs.Length; i++)
        {
            if (run.Resetting[i]) { ResetCopy(run, i, seed: null); continue; }
            var t = StepCopy(run, i, actions[i]);
            transitions[count++] = t;
            if (t.Done) finished[ended++] = i;
        }
        foreach (var mosaic in _mosaics) mosaic.OnCopiesStepped();
        if (count > 0) _agent.Observe(new ReadOnlySpan<Transition<TObs, TAct>>(transitions, 0, count));
        for (int j = 0; j < ended; j++) EndEpisode(session, finished[j]);
        if (CheckpointDue(episodesBefore, run.Episode) && !BudgetReached(run)) SaveCheckpoint(session);
    }

    private Transition<TObs, TAct> StepCopy(RunState run, int i, TAct action)
    {
        var env = _envs[i];
        var obs = run.Observations[i];
        StepResult<TObs> r;
        try { r = env.Step(action); }
        catch (Exception e)
        {
            throw new EnvironmentFaultException(_envId, run.Episode, run.Lengths[i] + 1, run.TotalSteps + 1, $"threw {e.GetType().Name} ({e.Message})", e);
        }
        run.TotalSteps++;
        run.Lengths[i]++;
        if (FaultCheck.Step(r) is { } problem)
            throw new EnvironmentFaultException(_envId, run.Episode, run.Lengths[i], run.TotalSteps, problem);
        run.Returns[i] += r.Reward;
        run.Observations[i] = r.Observation;
        run.Resetting[i] = r.Done;
        if (r.Done) run.EndedAtStep[i] = run.TotalSteps;
        if (i == 0 && _observers.Length > 0)
        {
            object boxed = r.Observation, boxedAction = action;
            foreach (var observer in _observers)
            {
                observer.OnAction(boxedAction, r.Reward);
                observer.OnStep(env, boxed, run.TotalSteps);
            }
        }
        else if (i > 0 && i < _watchedCopies)
        {
            object boxed = r.Observation, boxedAction = action;
            foreach (var observer in _observers)
                if (i < observer.WatchedCopies) observer.OnCopyStep(i, env, boxed, boxedAction, r.Reward);
        }
        return new Transition<TObs, TAct>(obs, action, r.Reward, r.Observation, r.Terminated, r.Truncated, i);
    }

    private void ResetAll(RunState run)
    {
        for (int i = 0; i < _envs.Length; i++) ResetCopy(run, i, _options.Seed + i);
        run.Seeded = true;
        foreach (var mosaic in _mosaics) mosaic.OnCopiesStepped();
    }

    private void ResetCopy(RunState run, int i, long? seed)
    {
        ResetResult<TObs> r;
        try { r = _envs[i].Reset(seed); }
        catch (Exception e)
        {
            throw new EnvironmentFaultException(_envId, run.Episode, 0, run.TotalSteps, $"threw {e.GetType().Name} on reset ({e.Message})", e);
        }
        if (FaultCheck.Observation(r.Observation) is { } problem)
            throw new EnvironmentFaultException(_envId, run.Episode, 0, run.TotalSteps, problem + " on reset");
        run.Observations[i] = r.Observation;
        run.Returns[i] = 0;
        run.Lengths[i] = 0;
        run.Resetting[i] = false;
        if (i == 0 && _observers.Length > 0)
        {
            object boxed = r.Observation;
            foreach (var observer in _observers) observer.OnEpisodeStart(_envs[0], boxed);
        }
        else if (i > 0 && i < _watchedCopies)
        {
            object boxed = r.Observation;
            foreach (var observer in _observers)
                if (i < observer.WatchedCopies) observer.OnCopyEpisodeStart(i, _envs[i], boxed);
        }
    }

    // Checked between vector steps: with K copies the last step may take the run up to K − 1 steps (or episodes)
    // past the budget, as CleanRL's whole batches do; with one copy the budget is met exactly.
    private bool BudgetReached(RunState run) =>
        _options.Episodes is { } n ? run.Episode >= n : run.TotalSteps >= _options.Steps!.Value;

    private bool CheckpointDue(int episodesBefore, int episodesAfter) =>
        _options.Directory is not null && _options.CheckpointEvery > 0
        && episodesAfter / _options.CheckpointEvery > episodesBefore / _options.CheckpointEvery;

    private IEnv<TObs, TAct> CreateEvaluationEnv(Func<IEnv> factory)
    {
        var env = factory();
        if (env is IEnv<TObs, TAct> typed) return typed;
        env.Dispose();
        throw new UserInputException(
            $"the evaluation environment {FaultCheck.Name(env)} has observations {env.ObservationSpace} and actions {env.ActionSpace}, unlike the training environment's {_envs[0].ObservationSpace} and {_envs[0].ActionSpace}");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) foreach (var env in _envs) env.Dispose();
    }
}
