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

    private async Task SlotLoop(CancellationToken stop)
    {
        var queue = grains.GetGrain<ITrialQueueGrain>(TrialQueueGrain.DefaultKey);
        var me = silo.SiloAddress;
        while (!stop.IsCancellationRequested)
        {
            LeasedTrial? lease;
            try { lease = await queue.Lease(me); }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning("the trial queue did not answer ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
                continue;
            }
            catch (Exception) { return; }
            if (lease is null) continue;
            await RunLeased(queue, me, lease, stop);
        }
    }

    private async Task RunLeased(ITrialQueueGrain queue, SiloAddress me, LeasedTrial lease, CancellationToken stop)
    {
        var job = lease.Job;
        bool added;
        lock (_running) added = _running.Add(job.Key);
        if (!added)
        {
            await Report(() => queue.RunningElsewhere(lease.SweepId, job.Key, me));
            return;
        }
        try
        {
            if (TrialLock.TryClaim(job.Directory, me, IsAlive) is { } owner && !owner.Equals(me))
            {
                await Report(() => queue.RunningElsewhere(lease.SweepId, job.Key, owner));
                return;
            }
            try
            {
                log.LogInformation("trial {Trial} (rung {Rung}) started", job.TrialId, job.Rung);
                var outcome = await Task.Factory.StartNew(() => runner.Run(RunConfig.FromJson(job.ConfigJson, job.TrialId), job.Directory, job.LearningCurve, stop),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                await Report(() => queue.Complete(me, lease.SweepId, job.Key, outcome));
                log.LogInformation("trial {Trial} (rung {Rung}) done", job.TrialId, job.Rung);
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
