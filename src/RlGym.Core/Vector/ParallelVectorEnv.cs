using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RlGym.Core.Environments;

namespace RlGym.Core.Vector;

/// <summary>
/// Steps K copies on several threads, with the same API and bit-identical results as
/// <see cref="SyncVectorEnv{TAct}"/> (each copy is always stepped whole by one thread and touches only its own slots).
/// <para>
/// The copies are cut into a few contiguous blocks per thread. Each step publishes a new generation number; the
/// calling thread and W − 1 persistent background workers then claim blocks one at a time until none is left, and the
/// caller returns when every block is done. Claiming instead of owning a fixed chunk means a worker the operating
/// system has not scheduled yet costs nothing: the caller takes its blocks. Workers spin briefly between steps (so a
/// training loop's next step is picked up within a microsecond), then yield, then sleep on an event, and are woken
/// through it only when they sleep; after warm-up stepping allocates nothing. Worth it when a step of all K copies
/// costs several microseconds (e.g. 64 or more CartPoles); for a handful of cheap copies prefer the sync one.
/// </para>
/// </summary>
public sealed class ParallelVectorEnv<TAct> : VectorEnv<TAct> where TAct : notnull
{
    // Pure spinning picks up the next step fastest; yielding keeps a busy machine usable; past both, sleep.
    private static readonly long SpinTicks = Stopwatch.Frequency / 50_000;  // 20 µs
    private static readonly long YieldTicks = Stopwatch.Frequency / 2_000;  // 500 µs

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

    /// <summary>Steps the given copies (owned from now on) on <paramref name="threads"/> threads (default: one per core, at most K).</summary>
    public ParallelVectorEnv(IEnumerable<IEnv<float[], TAct>> envs, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : base(envs, autoresetMode)
    {
        int w = threads ?? Environment.ProcessorCount;
        if (w <= 0) throw new ArgumentOutOfRangeException(nameof(threads), w, "must be positive");
        w = Math.Min(w, Count);
        ThreadCount = w;
        _blockCount = Math.Min(Count, 4 * w);
        _blockStart = new int[_blockCount + 1];
        for (int b = 0; b <= _blockCount; b++) _blockStart[b] = (int)((long)b * Count / _blockCount);
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
            _threads[c] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"{nameof(ParallelVectorEnv<TAct>)} worker {c}" };
            _threads[c].Start();
        }
    }

    /// <summary>Makes <paramref name="count"/> copies with <paramref name="make"/> (called with 0..count−1).</summary>
    public ParallelVectorEnv(int count, Func<int, IEnv<float[], TAct>> make, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : this(SyncVectorEnv<TAct>.Copies(count, make), autoresetMode, threads) { }

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

    /// <inheritdoc />
    protected override void StepAll()
    {
        if (ThreadCount == 1)
        {
            StepRange(0, Count);
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
                StepRange(_blockStart[block], _blockStart[block + 1]);
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

    /// <inheritdoc />
    protected override void DisposeWorkers()
    {
        _stopping = true;
        for (int c = 1; c < ThreadCount; c++) _wake[c].Set();
        for (int c = 1; c < ThreadCount; c++) _threads[c].Join();
        for (int c = 1; c < ThreadCount; c++) _wake[c].Dispose();
    }
}
