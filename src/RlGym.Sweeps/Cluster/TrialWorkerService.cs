using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using RlGym.Sweeps.Running;
using RlGym.Training.Runs;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// What makes a silo a worker: one loop per slot that leases a trial from the queue, trains it with the
/// <see cref="ITrialRunner"/> (on a thread of its own, outside the grain scheduler) and reports the score. When the
/// silo shuts down, running trials stop at their next episode boundary with a checkpoint and go back to the queue,
/// where another worker resumes them exactly.
/// </summary>
public sealed class TrialWorkerService(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    ITrialRunner runner,
    WorkerOptions options,
    ILogger<TrialWorkerService> log) : BackgroundService
{
    private readonly HashSet<string> _running = [];

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Slots).Select(_ => Task.Run(() => SlotLoop(stoppingToken), CancellationToken.None)));

    /// <summary>Trials shorter than this lease their successor while they train (see <see cref="SlotLoop"/>).</summary>
    public static readonly TimeSpan PrefetchBelow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One slot: lease, train, report. When trials are short, the round trips to the queue would cost as much as the
    /// trials, so the slot leases its next trial while the current one trains, and reports a finished trial while
    /// the next one starts; long trials lease one at a time, so that the last trials of a sweep spread over every
    /// free worker.
    /// </summary>
    private async Task SlotLoop(CancellationToken stop)
    {
        var queue = grains.GetGrain<ITrialQueueGrain>(TrialQueueGrain.DefaultKey);
        var me = silo.SiloAddress;
        Task<LeasedTrial?>? prefetched = null;
        Task lastReport = Task.CompletedTask;
        var lastDuration = TimeSpan.MaxValue;
        while (!stop.IsCancellationRequested)
        {
            LeasedTrial? lease;
            try { lease = await (prefetched ?? queue.Lease(me)); }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                prefetched = null;
                log.LogWarning("the trial queue did not answer ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
                continue;
            }
            catch (Exception) { prefetched = null; break; }
            prefetched = null;
            if (lease is null) continue;
            if (lastDuration < PrefetchBelow) prefetched = queue.Lease(me);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            lastReport = await RunLeased(queue, me, lease, stop, lastReport);
            lastDuration = clock.Elapsed;
        }
        // A trial leased ahead and never started goes back to the queue.
        if (prefetched is not null)
        {
            LeasedTrial? unused = null;
            try { unused = await prefetched; }
            catch (Exception) { }
            if (unused is not null) await Report(() => queue.Release(me, unused.SweepId, unused.Job.Key));
        }
        await lastReport;
    }

    /// <summary>Trains a leased trial; returns the report of its completion, still on its way (it follows <paramref name="previousReport"/>).</summary>
    private async Task<Task> RunLeased(ITrialQueueGrain queue, SiloAddress me, LeasedTrial lease, CancellationToken stop, Task previousReport)
    {
        var job = lease.Job;
        bool added;
        lock (_running) added = _running.Add(job.Key);
        if (!added)
        {
            await Report(() => queue.RunningElsewhere(lease.SweepId, job.Key, me));
            return previousReport;
        }
        try
        {
            if (TrialLock.TryClaim(job.Directory, me, IsAlive) is { } owner && !owner.Equals(me))
            {
                await Report(() => queue.RunningElsewhere(lease.SweepId, job.Key, owner));
                return previousReport;
            }
            try
            {
                log.LogInformation("trial {Trial} (rung {Rung}) started", job.TrialId, job.Rung);
                var outcome = await Task.Factory.StartNew(() => runner.Run(RunConfig.FromJson(job.ConfigJson, job.TrialId), job.Directory, job.LearningCurve, stop),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                log.LogInformation("trial {Trial} (rung {Rung}) done", job.TrialId, job.Rung);
                return ReportAfter(previousReport, () => queue.Complete(me, lease.SweepId, job.Key, outcome));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await Report(() => queue.Release(me, lease.SweepId, job.Key));
            }
            catch (Exception e)
            {
                log.LogError("trial {Trial} failed: {Message}", job.TrialId, e.Message);
                await Report(() => queue.Fail(me, lease.SweepId, job.Key, e.Message));
            }
            finally
            {
                TrialLock.Release(job.Directory, me);
            }
        }
        finally
        {
            lock (_running) _running.Remove(job.Key);
        }
        return previousReport;
    }

    private async Task ReportAfter(Task previous, Func<Task> call)
    {
        await previous;
        await Report(call);
    }

    private bool IsAlive(SiloAddress owner) => membership.CurrentSnapshot.GetSiloStatus(owner) is not (SiloStatus.Dead or SiloStatus.None);

    /// <summary>Reports to the queue, retrying while it moves to another silo; a report is idempotent.</summary>
    private async Task Report(Func<Task> call)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (attempt < 20)
            {
                log.LogWarning("the trial queue did not take a report ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
