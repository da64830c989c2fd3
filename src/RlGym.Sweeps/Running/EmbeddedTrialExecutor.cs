using System.Runtime.ExceptionServices;
using RlGym.Sweeps.Planning;
using RlGym.Training.Runs;

namespace RlGym.Sweeps.Running;

/// <summary>
/// Runs trials on this machine with no server: one thread per worker slot (all cores by default), each taking the
/// next job in plan order. Trials share nothing, so the results do not depend on the number of slots.
/// </summary>
public sealed class EmbeddedTrialExecutor(ITrialRunner runner, int slots) : ITrialExecutor
{
    /// <summary>Parallel trials.</summary>
    public int Slots { get; } = slots >= 1 ? slots : throw new ArgumentOutOfRangeException(nameof(slots), slots, "At least one slot.");

    /// <inheritdoc />
    public Task RunAsync(IReadOnlyList<TrialJob> jobs, Action<TrialJob, TrialOutcome> completed, CancellationToken cancellation)
    {
        if (jobs.Count == 0) return Task.CompletedTask;
        return Task.Factory.StartNew(() => Run(jobs, completed, cancellation), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(IReadOnlyList<TrialJob> jobs, Action<TrialJob, TrialOutcome> completed, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        int next = -1;
        Exception? failure = null;
        var gate = new Lock();
        void Work()
        {
            while (!stop.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= jobs.Count) return;
                var job = jobs[i];
                try
                {
                    var outcome = runner.Run(RunConfig.FromJson(job.ConfigJson, job.TrialId), job.Directory, job.LearningCurve, stop.Token);
                    lock (gate) completed(job, outcome);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The other trials stop at their next episode boundary with a checkpoint; the rerun resumes them.
                    Interlocked.CompareExchange(ref failure, e, null);
                    stop.Cancel();
                    return;
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(Slots, jobs.Count))
            .Select(k => new Thread(Work) { Name = $"trial slot {k}", IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        cancellation.ThrowIfCancellationRequested();
    }
}
