using RlGym.Sweeps.Planning;

namespace RlGym.Sweeps.Running;

/// <summary>
/// Runs a batch of trial jobs somewhere: on this machine's cores (<see cref="EmbeddedTrialExecutor"/>) or on a
/// cluster's workers (<see cref="Cluster.ClusterTrialExecutor"/>). The sweep decides what to run; the executor only where.
/// </summary>
public interface ITrialExecutor
{
    /// <summary>
    /// Runs every job, calling <paramref name="completed"/> once per finished job (from any thread, one call at a
    /// time). Returns when all are done; throws the first trial's failure, or <see cref="OperationCanceledException"/>
    /// after the running trials have checkpointed.
    /// </summary>
    Task RunAsync(IReadOnlyList<TrialJob> jobs, Action<TrialJob, TrialOutcome> completed, CancellationToken cancellation);
}
