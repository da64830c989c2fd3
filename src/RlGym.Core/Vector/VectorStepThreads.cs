using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace RlGym.Core.Vector;

/// <summary>
/// The threads that step a vector environment's copies: the copies 0..K are cut into a few contiguous blocks, and on
/// every <see cref="Run"/> the calling thread and W − 1 persistent background workers claim blocks one at a time and
/// step them with the given range function until none is left; <see cref="Run"/> returns when every block is done.
/// <para>
/// Claiming instead of owning a fixed chunk means a worker the operating system has not scheduled yet costs nothing:
/// the caller takes its blocks. Workers spin briefly between steps (so a training loop's next step is picked up within
/// a microsecond), then yield, then sleep on an event, and are woken through it only when they sleep. After warm-up
/// nothing is allocated. A block boundary falls on a multiple of the alignment, so that threads writing neighbouring
/// blocks of per-copy arrays rarely share a cache line.
/// </para>
/// </summary>
internal sealed class VectorStepThreads : IDisposable
{
    // Pure spinning picks up the next step fastest; yielding keeps a busy machine usable; past both, sleep.
    private static readonly long SpinTicks = Stopwatch.Frequency / 50_000;  // 20 µs
    private static readonly long YieldTicks = Stopwatch.Frequency / 2_000;  // 500 µs

    private readonly Action<int, int> _stepRange;
    private readonly int _count;
    private readonly int _blockCount;
    private readonly int[] _blockStart;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _sleeping;
    private readonly long[] _workerAllocated;
    private HandoffCounters _counters;
    private int _generation;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _error;

    /// <summary>
    /// Prepares <paramref name="threads"/> threads (at most one per block) to step <paramref name="count"/> copies with
    /// <paramref name="stepRange"/>(from, to) in blocks of a multiple of <paramref name="alignment"/> copies,
    /// <paramref name="blocksPerThread"/> blocks per thread at most.
    /// </summary>
    public VectorStepThreads(int count, int threads, Action<int, int> stepRange, string name, int alignment = 1, int blocksPerThread = 4)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        if (threads <= 0) throw new ArgumentOutOfRangeException(nameof(threads), threads, "must be positive");
        _stepRange = stepRange;
        _count = count;
        int units = (count + alignment - 1) / alignment;
        int w = Math.Min(threads, units);
        ThreadCount = w;
        _blockCount = Math.Min(units, blocksPerThread * w);
        _blockStart = new int[_blockCount + 1];
        for (int b = 0; b <= _blockCount; b++) _blockStart[b] = Math.Min(count, (int)((long)b * units / _blockCount) * alignment);
        _workerAllocated = new long[w];
        _sleeping = new int[w];
        _wake = new ManualResetEventSlim[w];
        _threads = new Thread[w];
        for (int c = 1; c < w; c++)
        {
            // An event makes its lock object the first time a wait blocks; a 1 ms wait now moves that allocation
            // out of stepping.
            _wake[c] = new ManualResetEventSlim(false, 0);
            _wake[c].Wait(1);
            int worker = c;
            _threads[c] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"{name} worker {c}" };
            _threads[c].Start();
        }
    }

    /// <summary>Threads stepping copies, the calling thread included.</summary>
    public int ThreadCount { get; }

    /// <summary>
    /// Bytes allocated so far by the background workers (each reads its own thread's counter after every block it
    /// steps), so that a test or benchmark can check that stepping allocates nothing without counting other threads' work.
    /// </summary>
    public long WorkerAllocatedBytes
    {
        get
        {
            long sum = 0;
            for (int c = 1; c < ThreadCount; c++) sum += Volatile.Read(ref _workerAllocated[c]);
            return sum;
        }
    }

    /// <summary>Steps every copy once; rethrows the first exception a block threw.</summary>
    public void Run()
    {
        if (ThreadCount == 1)
        {
            _stepRange(0, _count);
            return;
        }
        _error = null;
        _counters.Done = 0;
        int generation = unchecked(++_generation);
        // A full fence: the actions, the flipped buffer and Done = 0 are visible before any worker sees the generation.
        Interlocked.Exchange(ref _counters.Claim, (long)generation << 32);
        for (int c = 1; c < ThreadCount; c++)
            if (Volatile.Read(ref _sleeping[c]) != 0) _wake[c].Set();

        RunBlocks(generation, 0);

        // Blocks still running belong to workers; if one was descheduled, yielding lets it finish sooner.
        long start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _counters.Done) != _blockCount)
        {
            if (Stopwatch.GetTimestamp() - start < SpinTicks) Thread.SpinWait(20);
            else Thread.Yield();
        }
        _error?.Throw();
    }

    private void RunBlocks(int generation, int worker)
    {
        while (true)
        {
            long claim = Volatile.Read(ref _counters.Claim);
            if ((int)(claim >> 32) != generation) return;
            int block = (int)(claim & 0xFFFF_FFFF);
            if (block >= _blockCount) return;
            if (Interlocked.CompareExchange(ref _counters.Claim, claim + 1, claim) != claim) continue;
            try
            {
                _stepRange(_blockStart[block], _blockStart[block + 1]);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
            if (worker != 0) Volatile.Write(ref _workerAllocated[worker], GC.GetAllocatedBytesForCurrentThread());
            Interlocked.Increment(ref _counters.Done);
        }
    }

    private void Work(int worker)
    {
        int seen = 0;
        while (true)
        {
            int generation = WaitForGeneration(worker, seen);
            if (_stopping) return;
            seen = generation;
            RunBlocks(generation, worker);
        }
    }

    private int WaitForGeneration(int worker, int seen)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            int generation = (int)(Volatile.Read(ref _counters.Claim) >> 32);
            if (generation != seen || _stopping) return generation;
            long waited = Stopwatch.GetTimestamp() - start;
            if (waited < SpinTicks)
            {
                Thread.SpinWait(20);
            }
            else if (waited < YieldTicks)
            {
                Thread.Yield();
            }
            else
            {
                // Announce the sleep, then look once more: the caller sets the event only for sleepers, after
                // publishing, so either it sees this flag or this check sees its generation.
                _wake[worker].Reset();
                Interlocked.Exchange(ref _sleeping[worker], 1);
                if ((int)(Volatile.Read(ref _counters.Claim) >> 32) == seen && !_stopping) _wake[worker].Wait();
                Volatile.Write(ref _sleeping[worker], 0);
                start = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Stops and joins the workers; safe to call twice.</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        for (int c = 1; c < ThreadCount; c++) _wake[c].Set();
        for (int c = 1; c < ThreadCount; c++) _threads[c].Join();
        for (int c = 1; c < ThreadCount; c++) _wake[c].Dispose();
    }
}
