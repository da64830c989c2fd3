using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// Runs trials on a cluster's workers: submits the jobs to the cluster's trial queue and follows their completions.
/// Calls that fail while the cluster reshapes (a worker died, the queue moved) are retried; a queue that lost the
/// sweep gets its unfinished jobs again. Stopping the submitter stops nothing on the workers: running it again
/// follows the same sweep.
/// </summary>
public sealed class ClusterTrialExecutor(IGrainFactory grains, string sweepId, ILogger? log = null) : ITrialExecutor
{
    /// <summary>Time from submitting a batch to its last completion, summed over batches (for overhead measurements).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyList<TrialJob> jobs, Action<TrialJob, TrialOutcome> completed, CancellationToken cancellation)
    {
        if (jobs.Count == 0) return;
        var clock = Stopwatch.StartNew();
        var queue = grains.GetGrain<ITrialQueueGrain>(TrialQueueGrain.DefaultKey);
        var remaining = jobs.ToDictionary(j => j.Key, StringComparer.Ordinal);
        await Retry(() => queue.Submit(sweepId, [.. jobs]), cancellation);
        int cursor = 0;
        while (remaining.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var report = await Retry(() => queue.Poll(sweepId, cursor), cancellation);
            if (!report.Known)
            {
                log?.LogWarning("the trial queue lost the sweep (its worker stopped); submitting the {Count} unfinished trials again", remaining.Count);
                await Retry(() => queue.Submit(sweepId, [.. remaining.Values]), cancellation);
                cursor = 0;
                continue;
            }
            foreach (var c in report.Completed)
                if (remaining.Remove(c.Key, out var job)) completed(job, c.Outcome);
            cursor = report.Cursor;
            if (report.Failure is { } failure) throw new TrialFailedException(failure);
        }
        await Retry(async () => { await queue.Forget(sweepId); return true; }, cancellation);
        Elapsed += clock.Elapsed;
    }

    private Task Retry(Func<Task> call, CancellationToken cancellation) =>
        Retry(async () => { await call(); return true; }, cancellation);

    private async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (int attempt = 0; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return await call().WaitAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                if (e is TrialFailedException) throw;
                if (attempt % 10 == 0) log?.LogWarning("the cluster did not answer ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            }
        }
    }
}
