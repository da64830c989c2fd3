using Orleans.Runtime;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// The cluster's queue of trials (one grain, key <see cref="TrialQueueGrain.DefaultKey"/>, shared by every sweep
/// submitted to the cluster). Submitters add jobs and follow their completions; workers lease jobs, one per free
/// slot, and report back. Its state is soft: the submitter's journal is the record, and a queue that lost its state
/// (its silo died) answers <see cref="QueueReport.Known"/> false, upon which the submitter submits its unfinished jobs again.
/// </summary>
public interface ITrialQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds the jobs of a sweep that the queue does not hold yet.</summary>
    Task Submit(string sweepId, TrialJob[] jobs);

    /// <summary>Completions of a sweep from <paramref name="cursor"/> on; waits up to a second for one when there are none.</summary>
    Task<QueueReport> Poll(string sweepId, int cursor);

    /// <summary>The next pending job for a worker silo; waits up to two seconds for one, then returns null.</summary>
    Task<LeasedTrial?> Lease(SiloAddress worker);

    /// <summary>A worker finished a job.</summary>
    Task Complete(SiloAddress worker, string sweepId, string key, TrialOutcome outcome);

    /// <summary>A worker stopped a job (it is shutting down; the job checkpointed) and hands it back.</summary>
    Task Release(SiloAddress worker, string sweepId, string key);

    /// <summary>A job failed on a worker; the sweep stops with <paramref name="message"/>.</summary>
    Task Fail(SiloAddress worker, string sweepId, string key, string message);

    /// <summary>Drops a finished sweep's bookkeeping.</summary>
    Task Forget(string sweepId);

    /// <summary>A worker found the job's run directory claimed by <paramref name="owner"/>, a live worker still running it.</summary>
    Task RunningElsewhere(string sweepId, string key, SiloAddress owner);
}

/// <summary>A job leased to a worker.</summary>
/// <param name="SweepId">The sweep it belongs to.</param>
/// <param name="Job">The job.</param>
[GenerateSerializer, Immutable]
public sealed record LeasedTrial([property: Id(0)] string SweepId, [property: Id(1)] TrialJob Job);

/// <summary>A finished job as the queue reports it.</summary>
/// <param name="Key">The job's <see cref="TrialJob.Key"/>.</param>
/// <param name="Outcome">Its score.</param>
[GenerateSerializer, Immutable]
public sealed record CompletedTrial([property: Id(0)] string Key, [property: Id(1)] TrialOutcome Outcome);

/// <summary>What the queue tells a submitter that polls.</summary>
/// <param name="Known">False when the queue holds nothing of the sweep (it was never submitted, or the queue lost its state).</param>
/// <param name="Cursor">The cursor to poll with next.</param>
/// <param name="Completed">Completions since the cursor polled with.</param>
/// <param name="Failure">A failed job's message, when one failed.</param>
[GenerateSerializer, Immutable]
public sealed record QueueReport(
    [property: Id(0)] bool Known,
    [property: Id(1)] int Cursor,
    [property: Id(2)] CompletedTrial[] Completed,
    [property: Id(3)] string? Failure);
