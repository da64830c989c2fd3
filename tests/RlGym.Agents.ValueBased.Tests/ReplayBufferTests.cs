namespace RlGym.Agents.ValueBased.Tests;

/// <summary>
/// Runs alone: its heap measurement is process-wide, and tests running beside it would move the heap
/// (a shrink of 667 KB was seen in CI while another test's garbage was collected).
/// </summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;

[Collection(nameof(HeapMeasurement))]
public sealed class ReplayBufferTests
{
    [Fact]
    public void The_ring_keeps_the_last_n_transitions()
    {
        var buffer = new ReplayBuffer(3, 2);
        for (int t = 0; t < 5; t++) buffer.Add([t, -t], t, 10 * t, [t + 1, -t - 1], terminated: t == 4);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(5, buffer.Added);
        // slots 0, 1, 2 now hold t = 3, 4, 2
        Assert.Equal([3, 4, 2], buffer.Actions.ToArray());
        Assert.Equal([3f, -3f], buffer.Observation(0).ToArray());
        Assert.Equal([5f, -5f], buffer.NextObservation(1).ToArray());
        Assert.Equal([30.0, 40.0, 20.0], buffer.Rewards.ToArray());
        Assert.Equal([false, true, false], buffer.Terminated.ToArray());
    }

    [Fact]
    public void A_million_transitions_leave_the_heap_flat()
    {
        var buffer = new ReplayBuffer(100_000, 4);
        float[] s = [0.1f, 0.2f, 0.3f, 0.4f], s2 = [0.5f, 0.6f, 0.7f, 0.8f];
        buffer.Add(s, 0, 1, s2, false);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 1_000_000; t++)
        {
            s[0] = t;
            buffer.Add(s, t & 1, t, s2, (t & 255) == 0);
        }
        long allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(0, allocatedAfter - allocated);
        Assert.True(Math.Abs(after - before) < 64 * 1024, $"heap moved by {after - before} bytes");
        Assert.Equal(999_999f, buffer.Observation((1_000_000) % 100_000)[0]);
    }
}
