using System.Diagnostics;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Training.Checkpoints;
using RlGym.Training.Evaluation;
using RlGym.Training.Metrics;
using RlGym.Training.Plots;

namespace RlGym.Training;

/// <summary>
/// The training loop at known types.
/// <para>
/// <c>Reset(seed)</c> once, then <c>Reset()</c> without a seed for every later episode (Gymnasium's contract: one
/// seed, one stream). Each step: <c>a = agent.Act(s, explore: true)</c>, <c>env.Step(a)</c>,
/// <c>agent.Observe((s, a, r, s′, terminated, truncated))</c>. At each episode end: <c>agent.EndEpisode()</c>, a
/// greedy evaluation when due (on the separate evaluation environment), a metrics row (written and flushed), the
/// observers, and a checkpoint when due. With no observers a step allocates nothing beyond what the environment and
/// agent do.
/// </para>
/// <para>
/// Checkpoints are taken at episode boundaries, as Stable-Baselines3 and CleanRL save between rollouts: there the
/// environment's whole relevant state is its generator. A run stopped at an episode boundary (budget reached, or
/// cancelled from <see cref="ITrainingObserver.OnEpisode"/>) and resumed gives exactly the metrics (except wall time)
/// and final agent of the uninterrupted run. A run cancelled in the middle of an episode abandons that episode: its
/// steps count and the agent keeps what it learned from them, but it has no metrics row and the resumed run starts a
/// new episode; that resume is reproducible from the checkpoint but differs from the uninterrupted run.
/// </para>
/// <para>
/// An environment that throws, or returns a NaN or infinite reward or observation, stops the run with an
/// <see cref="EnvironmentFaultException"/>; no checkpoint is written then, so the last good one stays.
/// </para>
/// </summary>
public sealed class Trainer<TObs, TAct> : Trainer where TObs : notnull where TAct : notnull
{
    private readonly IEnv<TObs, TAct> _env;
    private readonly IAgent<TObs, TAct> _agent;
    private readonly TrainerOptions _options;
    private readonly ITrainingObserver[] _observers;
    private readonly string _envId;

    /// <summary>A trainer for <paramref name="agent"/> on <paramref name="env"/>.</summary>
    public Trainer(IEnv<TObs, TAct> env, IAgent<TObs, TAct> agent, TrainerOptions options)
    {
        options.Check();
        _env = env;
        _agent = agent;
        _options = options;
        _observers = [.. options.Observers];
        _envId = options.EnvId ?? FaultCheck.Name(env);
    }

    /// <inheritdoc />
    public override IEnv Environment => _env;

    /// <inheritdoc />
    public override IAgent Agent => _agent;

    /// <inheritdoc />
    public override TrainingResult Run(CancellationToken cancellation = default)
    {
        var o = _options;
        var dir = o.Directory;
        var store = dir?.Checkpoints;
        Checkpoint? resumed = null;
        if (o.Resume)
        {
            // Everything that can refuse the resume runs before any file is touched.
            resumed = store!.Load(_envId, _agent.Name);
            if (resumed.Seed != o.Seed)
                throw new UserInputException($"checkpoint '{store.FilePath}' was taken with seed {resumed.Seed}, not {o.Seed}; resume with seed {resumed.Seed} or use --force to start over");
            using var agentBytes = new MemoryStream(resumed.Agent, writable: false);
            _agent.Load(agentBytes);
        }
        else dir?.PrepareFresh(o.Force);

        using var evalEnv = o.EvaluationEnv is null ? null : CreateEvaluationEnv(o.EvaluationEnv);
        using var metrics = dir is null ? null
            : resumed is null ? MetricsWriter.Create(dir.MetricsPath, o.Force)
            : MetricsWriter.Resume(dir.MetricsPath, resumed.MetricsRows);

        var s = new RunState();
        if (resumed is not null)
        {
            s.Episode = resumed.Episode;
            s.TotalSteps = resumed.TotalSteps;
            s.WallOffset = resumed.WallSeconds;
            s.Best = resumed.BestReturn;
            s.Last = resumed.LastReturn;
            s.EvaluationStarted = resumed.EvaluationStarted;
            // A run cancelled before its first reset has no generator to restore: it still starts from the seed.
            s.Seeded = resumed.EnvRandom is not null || resumed.TotalSteps > 0;
            if (resumed.EnvRandom is { } envRng) SetRandom(_env, envRng);
            if (evalEnv is not null && resumed.EvaluationRandom is { } evalRng) SetRandom(evalEnv, evalRng);
        }

        var returns = o.KeepReturns ? new List<double>() : null;
        var warnings = new List<string>();
        var clock = Stopwatch.StartNew();
        bool cancelled = false, abandoned = false;
        EvaluationResult? lastEvaluation = null;
        var observers = _observers;

        while (!BudgetReached(s))
        {
            if (cancellation.IsCancellationRequested) { cancelled = true; break; }

            TObs obs = Reset(s);
            int graceUsed = 0;
            if (observers.Length > 0)
            {
                object boxedStart = obs;
                foreach (var observer in observers) observer.OnEpisodeStart(_env, boxedStart);
            }
            double episodeReturn = 0;
            int length = 0;
            while (true)
            {
                TAct action = _agent.Act(obs, explore: true);
                StepResult<TObs> r;
                try { r = _env.Step(action); }
                catch (Exception e)
                {
                    throw new EnvironmentFaultException(_envId, s.Episode, length + 1, s.TotalSteps + 1, $"threw {e.GetType().Name} ({e.Message})", e);
                }
                s.TotalSteps++;
                length++;
                if (FaultCheck.Step(r) is { } problem)
                    throw new EnvironmentFaultException(_envId, s.Episode, length, s.TotalSteps, problem);
                episodeReturn += r.Reward;
                var transition = new Transition<TObs, TAct>(obs, action, r.Reward, r.Observation, r.Terminated, r.Truncated);
                _agent.Observe(in transition);
                if (observers.Length > 0)
                {
                    object boxed = r.Observation, boxedAction = action;
                    foreach (var observer in observers)
                    {
                        observer.OnAction(boxedAction, r.Reward);
                        observer.OnStep(_env, boxed, s.TotalSteps);
                    }
                }
                obs = r.Observation;
                if (r.Done) break;
                // Finishing the episode keeps the checkpoint on a boundary, where resume is exact.
                if (cancellation.IsCancellationRequested && ++graceUsed > o.CancelGraceSteps) { cancelled = abandoned = true; break; }
            }
            if (abandoned) break;

            s.Episode++;
            s.Last = episodeReturn;
            if (!(s.Best >= episodeReturn)) s.Best = episodeReturn;
            returns?.Add(episodeReturn);

            double? evalReturn = null;
            if (evalEnv is not null && o.EvalEvery > 0 && s.Episode % o.EvalEvery == 0)
            {
                lastEvaluation = Evaluator.Run(evalEnv, _agent, o.EvalEpisodes, s.EvaluationStarted ? null : Seeds.Evaluation(o.Seed));
                s.EvaluationStarted = true;
                evalReturn = lastEvaluation.Mean;
            }

            var row = new EpisodeMetrics(s.Episode - 1, s.TotalSteps, episodeReturn, length,
                _agent is IExploring exploring ? exploring.ExplorationRate : double.NaN,
                s.WallOffset + clock.Elapsed.TotalSeconds, evalReturn);
            metrics?.Write(row);
            foreach (var observer in observers) observer.OnEpisode(row);

            if (store is not null && o.CheckpointEvery > 0 && s.Episode % o.CheckpointEvery == 0 && !BudgetReached(s))
                store.Save(Snapshot(s, metrics, evalEnv, clock, abandoned: false));
        }

        double wall = s.WallOffset + clock.Elapsed.TotalSeconds;
        if (store is not null)
        {
            store.Save(Snapshot(s, metrics, evalEnv, clock, abandoned));
            dir!.SaveAgent(_agent);
        }
        metrics?.Dispose();
        if (dir is not null && o.WriteLearningCurve)
        {
            try { dir.WriteLearningCurve(o.MovingAverage, _envId + " / " + _agent.Name, (_env.Spec ?? _env.Unwrapped.Spec)?.RewardThreshold); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                warnings.Add($"learning curve not drawn: {e.Message}");
            }
        }
        return new TrainingResult(s.Episode, s.TotalSteps, cancelled, wall, s.Last, s.Best, lastEvaluation, returns,
            resumed?.Episode, warnings);
    }

    private bool BudgetReached(RunState s) =>
        _options.Episodes is { } n ? s.Episode >= n : s.TotalSteps >= _options.Steps!.Value;

    private TObs Reset(RunState s)
    {
        long? seed = s.Seeded ? null : _options.Seed;
        ResetResult<TObs> r;
        try { r = _env.Reset(seed); }
        catch (Exception e)
        {
            throw new EnvironmentFaultException(_envId, s.Episode, 0, s.TotalSteps, $"threw {e.GetType().Name} on reset ({e.Message})", e);
        }
        s.Seeded = true;
        if (FaultCheck.Observation(r.Observation) is { } problem)
            throw new EnvironmentFaultException(_envId, s.Episode, 0, s.TotalSteps, problem + " on reset");
        return r.Observation;
    }

    private IEnv<TObs, TAct> CreateEvaluationEnv(Func<IEnv> factory)
    {
        var env = factory();
        if (env is IEnv<TObs, TAct> typed) return typed;
        env.Dispose();
        throw new UserInputException(
            $"the evaluation environment {FaultCheck.Name(env)} has observations {env.ObservationSpace} and actions {env.ActionSpace}, unlike the training environment's {_env.ObservationSpace} and {_env.ActionSpace}");
    }

    private Checkpoint Snapshot(RunState s, MetricsWriter? metrics, IEnv<TObs, TAct>? evalEnv, Stopwatch clock, bool abandoned)
    {
        using var agentBytes = new MemoryStream();
        _agent.Save(agentBytes);
        return new Checkpoint
        {
            EnvId = _envId,
            AgentName = _agent.Name,
            Seed = _options.Seed,
            Episode = s.Episode,
            TotalSteps = s.TotalSteps,
            MetricsRows = metrics?.RowCount ?? s.Episode,
            WallSeconds = s.WallOffset + clock.Elapsed.TotalSeconds,
            BestReturn = s.Best,
            LastReturn = s.Last,
            EnvRandom = GetRandom(_env),
            EvaluationStarted = s.EvaluationStarted,
            EvaluationRandom = evalEnv is null ? null : GetRandom(evalEnv),
            AbandonedEpisode = abandoned,
            Agent = agentBytes.ToArray(),
        };
    }

    private static RngState? GetRandom(IEnv<TObs, TAct> env) => (env as Env<TObs, TAct>)?.RandomState;

    private static void SetRandom(IEnv<TObs, TAct> env, RngState state)
    {
        if (env is Env<TObs, TAct> e) e.RandomState = state;
    }

    /// <summary>The counters of a run; a class so the loop's helpers can update it.</summary>
    private sealed class RunState
    {
        public int Episode;
        public long TotalSteps;
        public double WallOffset;
        public double Best = double.NaN;
        public double Last = double.NaN;
        public bool EvaluationStarted;
        public bool Seeded;
    }
}
