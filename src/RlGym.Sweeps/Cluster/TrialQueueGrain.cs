using Orleans.Concurrency;
using Orleans.Runtime;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// The queue grain. Reentrant, so that waiting polls and leases do not hold up the calls that wake them; every turn
/// still runs alone, so its bookkeeping needs no locks. A job leased to a silo that the cluster's membership has
/// declared dead goes back to the front of the queue, and the next worker resumes it from its checkpoint.
/// </summary>
[Reentrant]
public sealed class TrialQueueGrain(IClusterMembershipService membership) : Grain, ITrialQueueGrain
{
    /// <summary>The key of the cluster's queue.</summary>
    public const string DefaultKey = "default";

    private readonly Dictionary<string, SweepQueue> _sweeps = new(StringComparer.Ordinal);
    private readonly LinkedList<(string SweepId, string Key)> _pending = new();
    private TaskCompletionSource _jobsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public Task Submit(string sweepId, TrialJob[] jobs)
    {
        if (!_sweeps.TryGetValue(sweepId, out var sweep)) _sweeps[sweepId] = sweep = new SweepQueue();
        foreach (var job in jobs)
        {
            if (sweep.Entries.ContainsKey(job.Key)) continue;
            sweep.Entries[job.Key] = new Entry(job);
            _pending.AddLast((sweepId, job.Key));
        }
        Signal();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<QueueReport> Poll(string sweepId, int cursor)
    {
        if (!_sweeps.TryGetValue(sweepId, out var sweep)) return new QueueReport(false, 0, [], null);
        RequeueDead();
        if (sweep.Completed.Count <= cursor && sweep.Failure is null)
            await Task.WhenAny(sweep.Changed.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        cursor = Math.Min(cursor, sweep.Completed.Count);
        return new QueueReport(true, sweep.Completed.Count, [.. sweep.Completed.Skip(cursor)], sweep.Failure);
    }

    /// <inheritdoc />
    public async Task<LeasedTrial?> Lease(SiloAddress worker)
    {
        RequeueDead();
        if (_pending.Count == 0) await Task.WhenAny(_jobsAdded.Task, Task.Delay(TimeSpan.FromSeconds(2)));
        while (_pending.First is { } node)
        {
            _pending.RemoveFirst();
            var (sweepId, key) = node.Value;
            if (!_sweeps.TryGetValue(sweepId, out var sweep) || !sweep.Entries.TryGetValue(key, out var entry) || entry.State != EntryState.Pending)
                continue;
            entry.State = EntryState.Leased;
            entry.Owner = worker;
            return new LeasedTrial(sweepId, entry.Job);
        }
        return null;
    }

    /// <inheritdoc />
    public Task Complete(SiloAddress worker, string sweepId, string key, TrialOutcome outcome)
    {
        if (_sweeps.TryGetValue(sweepId, out var sweep) && sweep.Entries.TryGetValue(key, out var entry) && entry.State != EntryState.Done)
        {
            entry.State = EntryState.Done;
            entry.Owner = null;
            sweep.Completed.Add(new CompletedTrial(key, outcome));
            sweep.Wake();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Release(SiloAddress worker, string sweepId, string key)
    {
        if (_sweeps.TryGetValue(sweepId, out var sweep) && sweep.Entries.TryGetValue(key, out var entry)
            && entry.State == EntryState.Leased && Equals(entry.Owner, worker))
            Requeue(sweepId, key, entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Fail(SiloAddress worker, string sweepId, string key, string message)
    {
        if (_sweeps.TryGetValue(sweepId, out var sweep))
        {
            sweep.Failure ??= $"trial {key} failed on worker {worker}: {message}";
            if (sweep.Entries.TryGetValue(key, out var entry)) entry.State = EntryState.Failed;
            sweep.Wake();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RunningElsewhere(string sweepId, string key, SiloAddress owner)
    {
        if (_sweeps.TryGetValue(sweepId, out var sweep) && sweep.Entries.TryGetValue(key, out var entry) && entry.State != EntryState.Done)
        {
            entry.State = EntryState.Leased;
            entry.Owner = owner;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Forget(string sweepId)
    {
        _sweeps.Remove(sweepId);
        return Task.CompletedTask;
    }

    private void RequeueDead()
    {
        var snapshot = membership.CurrentSnapshot;
        foreach (var (sweepId, sweep) in _sweeps)
            foreach (var (key, entry) in sweep.Entries)
                if (entry.State == EntryState.Leased && entry.Owner is { } owner && IsDead(snapshot.GetSiloStatus(owner)))
                    Requeue(sweepId, key, entry, front: true);
    }

    private static bool IsDead(SiloStatus status) => status is SiloStatus.Dead or SiloStatus.None;

    private void Requeue(string sweepId, string key, Entry entry, bool front = false)
    {
        entry.State = EntryState.Pending;
        entry.Owner = null;
        if (front) _pending.AddFirst((sweepId, key));
        else _pending.AddLast((sweepId, key));
        Signal();
    }

    private void Signal()
    {
        if (_pending.Count == 0) return;
        var added = _jobsAdded;
        _jobsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        added.TrySetResult();
    }

    private enum EntryState { Pending, Leased, Done, Failed }

    private sealed class Entry(TrialJob job)
    {
        public TrialJob Job { get; } = job;
        public EntryState State { get; set; }
        public SiloAddress? Owner { get; set; }
    }

    private sealed class SweepQueue
    {
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
        public List<CompletedTrial> Completed { get; } = [];
        public string? Failure { get; set; }
        public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Wake()
        {
            var changed = Changed;
            Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
