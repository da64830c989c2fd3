using System.Diagnostics;
using RlGym.Core.Agents;
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
        run.EndedThisStep--;
        run.Episode++;
        run.Last = episodeReturn;
        if (!(run.Best >= episodeReturn)) run.Best = episodeReturn;
        session.Returns?.Add(episodeReturn);

        double? evalReturn = null;
        if (session.EvaluationEnv is { } evalEnv && o.EvalEvery > 0 && run.Episode % o.EvalEvery == 0)
        {
            session.LastEvaluation = Evaluator.Run(evalEnv, _agent, o.EvalEpisodes, run.EvaluationStarted ? null : Seeds.Evaluation(o.Seed));
            run.EvaluationStarted = true;
            evalReturn = session.LastEvaluation.Mean;
            if (!(run.BestEvaluation >= evalReturn))
            {
                run.BestEvaluation = evalReturn.Value;
                o.Directory?.SaveAgent(_agent, Runs.RunDirectory.BestAgentFileName);
            }
        }

        var row = new EpisodeMetrics(run.Episode - 1, run.EndedAtStep[copy], episodeReturn, run.Lengths[copy],
            _agent is IExploring exploring ? exploring.ExplorationRate : double.NaN,
            run.WallOffset + session.Clock.Elapsed.TotalSeconds, evalReturn, copy);
        session.Metrics?.Write(row);
        foreach (var observer in _observers) observer.OnEpisode(row);
    }

    /// <summary>The last checkpoint and agent file, the learning curve, and the result.</summary>
    private TrainingResult Finish(Session session, bool cancelled, int? resumedFrom)
    {
        var run = session.Run;
        var warnings = new List<string>();
        if (_options.Directory is { } dir)
        {
            SaveCheckpoint(session);
            dir.SaveAgent(_agent);
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

        /// <summary>Episodes that ended in the current vector step and are not booked yet (they count toward the budget).</summary>
        public int EndedThisStep;

        public readonly TObs[] Observations = new TObs[copies];
        public readonly double[] Returns = new double[copies];
        public readonly int[] Lengths = new int[copies];
        public readonly bool[] Resetting = new bool[copies];

        /// <summary>The run's step count when each copy's last episode ended (its metrics row's total_steps).</summary>
        public readonly long[] EndedAtStep = new long[copies];

        /// <summary>The first copy a budget-cut vector step did not step (−1 when none), and the actions chosen for the rest.</summary>
        public int NextCopy = -1;
        public TAct[]? PendingActions;

        public bool AllResetting() => Array.TrueForAll(Resetting, static r => r);

        public void CutStep(int next, TAct[] actions)
        {
            NextCopy = next;
            PendingActions = (TAct[])actions.Clone();
        }
    }
}
