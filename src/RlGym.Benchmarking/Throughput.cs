using System.Diagnostics;

namespace RlGym.Benchmarking;

/// <summary>Steps per second of repeated timed runs: the fastest (as Python's timeit reports) and the median.</summary>
internal readonly record struct Throughput(double Best, double Median, double? BestCpu, double BytesPerStep, double OtherThreadBytesPerStep)
{
    /// <summary>
    /// Calls <paramref name="run"/>(n), which must do n steps, first with short runs until the JIT has settled (at
    /// least <paramref name="warmUpRuns"/> calls, so that the loop itself is recompiled with its profile, and a third of
    /// a second), then <paramref name="repeats"/> timed runs of <paramref name="steps"/>, counting the bytes the calling thread allocates during them
    /// (plus <paramref name="otherThreadBytes"/>, when given, for work done on other threads).
    /// </summary>
    public static Throughput Measure(Action<long> run, long steps, int repeats, int warmUpRuns = 30, Func<long>? otherThreadBytes = null)
    {
        var warm = Stopwatch.StartNew();
        long chunk = Math.Min(steps, 8192);
        for (int i = 0; i < warmUpRuns || warm.ElapsedMilliseconds < 330; i++) run(chunk);

        var rates = new double[repeats];
        double? bestCpu = null;
        long allocated = 0, otherAllocated = 0;
        for (int r = 0; r < repeats; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread(), otherBefore = otherThreadBytes?.Invoke() ?? 0;
            double? cpuStart = ThreadCpuClock.Now();
            long start = Stopwatch.GetTimestamp();
            run(steps);
            long ticks = Stopwatch.GetTimestamp() - start;
            if (ThreadCpuClock.Now() - cpuStart is double cpu && cpu > 0) bestCpu = Math.Max(bestCpu ?? 0, steps / cpu);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            otherAllocated += (otherThreadBytes?.Invoke() ?? 0) - otherBefore;
            rates[r] = steps / (ticks / (double)Stopwatch.Frequency);
        }
        Array.Sort(rates);
        return new Throughput(rates[^1], rates[repeats / 2], bestCpu, allocated / (double)(steps * repeats), otherAllocated / (double)(steps * repeats));
    }
}
