using System.Diagnostics;
using RlGym.Core.Agents;
using RlGym.Core.Wrappers;
using RlGym.Training.Evaluation;
using RlGym.Training.Metrics;

namespace RlGym.Training;

// The end of an episode and of the run: the bookkeeping around the loop.
public sealed partial class Trainer<TObs, TAct>
{
    /// <summary>
    /// Books the episode copy <paramref name="copy"/> just finished: counters, a greedy evaluation when due (on the
    /// separate evaluation environment; a new best evaluation also saves <c>best-agent.bin</c>), the metrics row
    /// and the observers.
    /// </summary>
    private void EndEpisode(Session session, int copy)
    {
        var run = session.Run;
        var o = _options;
        double episodeReturn = run.Returns[copy];
        run.Episode++;
        run.Last = episodeReturn;
        if (!(run.Best >= episodeReturn)) run.Best = episodeReturn;
        session.Returns?.Add(episodeReturn);

        double? evalReturn = null;
        if (session.EvaluationEnv is { } evalEnv && o.EvalEvery > 0 && run.Episode % o.EvalEvery == 0)
        {
            ShareWrapperStatistics(evalEnv);
            session.LastEvaluation = Evaluator.Run(evalEnv, _agent, o.EvalEpisodes, run.EvaluationStarted ? null : Seeds.Evaluation(o.Seed));
            run.EvaluationStarted = true;
            evalReturn = session.LastEvaluation.Mean;
            if (!(run.BestEvaluation >= evalReturn))
            {
                run.BestEvaluation = evalReturn.Value;
                o.Directory?.SaveAgent(_agent, Runs.RunDirectory.BestAgentFileName, _envs[0]);
            }
        }

        var row = new EpisodeMetrics(run.Episode - 1, run.EndedAtStep[copy], episodeReturn, run.Lengths[copy],
            _agent is IExploring exploring ? exploring.ExplorationRate : double.NaN,
            run.WallOffset + session.Clock.Elapsed.TotalSeconds, evalReturn, copy);
        session.Metrics?.Write(row);
        foreach (var observer in _observers) observer.OnEpisode(row);
    }

    /// <summary>
    /// The agent learned from observations seen through the training copies' fitted wrappers (a normaliser's running
    /// statistics), so the evaluation environment sees them through copy 0's statistics, frozen, rather than fitting
    /// its own from the evaluation episodes; <c>best-agent.bin</c> is saved with those same statistics.
    /// </summary>
    private void ShareWrapperStatistics(Core.Environments.IEnv<TObs, TAct> evalEnv)
    {
        if (WrapperStatistics.Save(_envs[0]) is not { } statistics) return;
        if (WrapperStatistics.Of(evalEnv).Count == WrapperStatistics.Of(_envs[0]).Count)
            WrapperStatistics.Restore(evalEnv, statistics, fitting: false);
    }

    /// <summary>The last checkpoint and agent file, the learning curve, and the result.</summary>
    private TrainingResult Finish(Session session, bool cancelled, int? resumedFrom)
    {
        var run = session.Run;
        var warnings = new List<string>();
        if (_options.Directory is { } dir)
        {
            SaveCheckpoint(session);
            dir.SaveAgent(_agent, trainedOn: _envs[0]);
        }
        session.Metrics?.Dispose();
        if (_options.Directory is { } d && _options.WriteLearningCurve)
        {
            try { d.WriteLearningCurve(_options.MovingAverage, _envId + " / " + _agent.Name, (_envs[0].Spec ?? _envs[0].Unwrapped.Spec)?.RewardThreshold); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                warnings.Add($"learning curve not drawn: {e.Message}");
            }
        }
        return new TrainingResult(run.Episode, run.TotalSteps, cancelled, run.WallOffset + session.Clock.Elapsed.TotalSeconds,
            run.Last, run.Best, session.LastEvaluation, session.Returns, resumedFrom, warnings);
    }

    /// <summary>What one call of <c>Run</c> holds besides the run's counters.</summary>
    private sealed class Session(RunState run, MetricsWriter? metrics, Core.Environments.IEnv<TObs, TAct>? evaluationEnv, List<double>? returns, Stopwatch clock)
    {
        public RunState Run { get; } = run;
        public MetricsWriter? Metrics { get; } = metrics;
        public Core.Environments.IEnv<TObs, TAct>? EvaluationEnv { get; } = evaluationEnv;
        public List<double>? Returns { get; } = returns;
        public Stopwatch Clock { get; } = clock;
        public EvaluationResult? LastEvaluation { get; set; }
    }

    /// <summary>The counters of a run and the state of every copy: what a checkpoint saves.</summary>
    private sealed class RunState(int copies)
    {
        public int Episode;
        public long TotalSteps;
        public double WallOffset;
        public double Best = double.NaN;
        public double Last = double.NaN;
        public double BestEvaluation = double.NaN;
        public bool EvaluationStarted;
        public bool Seeded;

        public readonly TObs[] Observations = new TObs[copies];
        public readonly double[] Returns = new double[copies];
        public readonly int[] Lengths = new int[copies];
        public readonly bool[] Resetting = new bool[copies];

        /// <summary>The run's step count when each copy's last episode ended (its metrics row's total_steps).</summary>
        public readonly long[] EndedAtStep = new long[copies];

        public bool AllResetting() => Array.TrueForAll(Resetting, static r => r);
    }
}
