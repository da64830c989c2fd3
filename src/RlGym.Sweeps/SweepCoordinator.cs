using RlGym.Sweeps.Journal;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Results;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps;

/// <summary>
/// Runs a sweep plan into a sweep directory (a journal plus one run directory per trial under <c>trials/</c>):
/// rung by rung, it hands the trials the journal does not list as finished to an executor, journals each one as it
/// finishes, and promotes the best configurations to the next rung. Running it again on the same directory after a
/// crash continues: finished trials are kept and running ones resume from their checkpoints.
/// </summary>
public static class SweepCoordinator
{
    /// <summary>Runs (or continues) the sweep and returns its results.</summary>
    public static async Task<SweepResult> RunAsync(SweepPlan plan, string directory, ITrialExecutor executor,
        ISweepProgress? progress = null, CancellationToken cancellation = default)
    {
        directory = Path.GetFullPath(directory);
        using var journal = SweepJournal.Open(directory, plan.File.Fingerprint());
        var active = plan.Configurations.ToList();
        for (int rung = 0; rung < plan.Rungs; rung++)
        {
            var jobs = active.SelectMany(c => plan.File.Seeds.Select(s => plan.Job(c, s, rung, directory))).ToList();
            var done = journal.Done;
            var pending = jobs.Where(j => !done.ContainsKey(j.Key)).ToList();
            progress?.RungStarted(rung, plan.Rungs, jobs.Count, jobs.Count - pending.Count);
            await executor.RunAsync(pending, (job, outcome) =>
            {
                journal.RecordDone(job.Key, outcome);
                progress?.TrialDone(job, outcome);
            }, cancellation).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();

            if (rung + 1 < plan.Rungs)
            {
                done = journal.Done;
                double Score(Planning.TrialConfiguration c) =>
                    plan.File.Seeds.Average(s => done[$"{plan.TrialId(c, s)}@{rung}"].FinalReturn is var f && double.IsNaN(f) ? double.NegativeInfinity : done[$"{plan.TrialId(c, s)}@{rung}"].FinalReturn);
                active = [.. active.OrderByDescending(Score).ThenBy(c => c.Index).Take(plan.File.Halving!.Promoted(active.Count)).OrderBy(c => c.Index)];
            }
        }
        return SweepResult.From(plan, journal.Done);
    }
}
