using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace RlGym.Core.Vector;

/// <summary>
/// The threads that step a vector environment's copies: the copies 0..K are cut into contiguous blocks, each of the W
/// threads (the calling thread and W − 1 persistent background workers) owns a contiguous run of them, and on every
/// <see cref="Run"/> each thread steps its own blocks with the given range function, then helps with the others';
/// <see cref="Run"/> returns when every block is done.
/// <para>
/// Owning the same blocks on every step keeps each block's state in one core's cache: when blocks went to whichever
/// thread claimed them first, they moved between cores from step to step, and two threads stepped 1,024 cart-poles no
/// faster than one. Helping (taking an unfinished block from the back of another thread's run) means a worker the
/// operating system has not scheduled yet costs nothing: the others take its blocks. With
/// <c>helpStartedRuns: false</c> a thread helps only with runs whose owner has not begun: when copies cost the same,
/// a block taken from an owner that is merely a little late moves that block's state to the other core, the owner
/// pays to fetch it back on the next step and is late again, and two threads settled at the speed of one.
/// Workers spin briefly between steps (so a training loop's next step is picked up within a fraction of a
/// microsecond), then yield, then sleep on an event, and are woken through it only when they sleep. After warm-up
/// nothing is allocated. A block boundary falls on a multiple of the alignment, so that threads writing neighbouring
/// blocks of per-copy arrays rarely share a cache line.
/// </para>
/// </summary>
internal sealed class VectorStepThreads : IDisposable
{
    // Pure spinning picks up the next step fastest; yielding keeps a busy machine usable; past both, sleep. One pause
    // per look: twenty (about 0.7 µs) made a worker see its step 280 ns after it was published on average, one 55 ns.
    private static readonly long SpinTicks = Stopwatch.Frequency / 50_000;  // 20 µs
    private static readonly long YieldTicks = Stopwatch.Frequency / 2_000;  // 500 µs

    // Each thread's run word on a cache line of its own (16 longs = 128 bytes, two lines against adjacent-line prefetch).
    private const int RunStride = 16;
    // Each worker's allocation counter on lines of its own too.
    private const int AllocatedStride = 16;
    // A run word packs the generation (high 32 bits), the run's end (exclusive, bits 16..31) and its next block (bits 0..15).
    private const int MaxBlocks = ushort.MaxValue;

    private readonly Action<int, int> _stepRange;
    private readonly bool _helpStartedRuns;
    private readonly int _count;
    private readonly int _blockCount;
    private readonly int[] _blockStart;
    private readonly int[] _ownedStart;
    private readonly long[] _runs;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _sleeping;
    private readonly long[] _workerAllocated;
    private HandoffCounters _counters;
    private int _generation;
    private int _doneTarget;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _error;

    /// <summary>
    /// Prepares <paramref name="threads"/> threads (at most one per block) to step <paramref name="count"/> copies with
    /// <paramref name="stepRange"/>(from, to) in blocks of a multiple of <paramref name="alignment"/> copies,
    /// <paramref name="blocksPerThread"/> blocks per thread at most; with <paramref name="helpStartedRuns"/> false, a
    /// thread helps only with runs whose owner has not begun.
    /// </summary>
    public VectorStepThreads(int count, int threads, Action<int, int> stepRange, string name, int alignment = 1, int blocksPerThread = 4,
        bool helpStartedRuns = true)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        if (threads <= 0) throw new ArgumentOutOfRangeException(nameof(threads), threads, "must be positive");
        _stepRange = stepRange;
        _helpStartedRuns = helpStartedRuns;
        _count = count;
        int units = (count + alignment - 1) / alignment;
        int w = Math.Min(threads, units);
        ThreadCount = w;
        _blockCount = Math.Min(Math.Min(units, blocksPerThread * w), MaxBlocks);
        _blockStart = new int[_blockCount + 1];
        for (int b = 0; b <= _blockCount; b++) _blockStart[b] = Math.Min(count, (int)((long)b * units / _blockCount) * alignment);
        _ownedStart = new int[w + 1];
        for (int c = 0; c <= w; c++) _ownedStart[c] = c * _blockCount / w;
        _runs = new long[(w + 1) * RunStride];
        _workerAllocated = new long[w * AllocatedStride];
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

    /// <summary>The first copy of thread <paramref name="thread"/>'s own run; <see cref="ThreadCount"/> gives the copy count.</summary>
    public int RunStart(int thread) => _blockStart[_ownedStart[thread]];

    /// <summary>
    /// Bytes allocated so far by the background workers (each reads its own thread's counter after every block it
    /// steps), so that a test or benchmark can check that stepping allocates nothing without counting other threads' work.
    /// </summary>
    public long WorkerAllocatedBytes
    {
        get
        {
            long sum = 0;
            for (int c = 1; c < ThreadCount; c++) sum += Volatile.Read(ref _workerAllocated[c * AllocatedStride]);
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
        // Every line a worker reads is written here only when it changes: each write costs the worker a transfer of
        // that line from this core, on the step's critical path.
        if (_error is not null) _error = null;
        int generation = unchecked(++_generation);
        // Done counts blocks over all steps, so it is never reset: this step ends when it reaches the target.
        int target = unchecked(_doneTarget + _blockCount);
        _doneTarget = target;
        // Own run first, written plainly; then each worker's run word, which carries the generation that worker waits
        // for, so that one line brings it both the signal and its blocks. The exchange is a full fence: the actions,
        // the flipped buffer and the other run words are visible before that worker sees its word.
        Volatile.Write(ref _runs[Slot(0)], RunWord(generation, _ownedStart[0], _ownedStart[1]));
        for (int c = 1; c < ThreadCount; c++)
            Interlocked.Exchange(ref _runs[Slot(c)], RunWord(generation, _ownedStart[c], _ownedStart[c + 1]));
        for (int c = 1; c < ThreadCount; c++)
            if (Volatile.Read(ref _sleeping[c]) != 0) _wake[c].Set();

        RunBlocks(generation, 0);

        // Blocks still running belong to workers; if one was descheduled, yielding lets it finish sooner.
        long start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _counters.Done) != target)
        {
            if (Stopwatch.GetTimestamp() - start < SpinTicks) Thread.SpinWait(1);
            else Thread.Yield();
        }
        _error?.Throw();
    }

    private static int Slot(int thread) => (thread + 1) * RunStride;

    private static long RunWord(int generation, int next, int end) => ((long)generation << 32) | ((long)end << 16) | (uint)next;

    private void RunBlocks(int generation, int worker)
    {
        // Blocks stepped here are counted once at the end: one write to the shared counter per thread and step.
        int stepped = 0;
        try
        {
            RunBlocks(generation, worker, ref stepped);
        }
        finally
        {
            if (stepped > 0) Interlocked.Add(ref _counters.Done, stepped);
        }
    }

    private void RunBlocks(int generation, int worker, ref int stepped)
    {
        // Own run first, from its front; then the others', each from its back, so that their owners keep the front.
        for (int i = 0; i < ThreadCount; i++)
        {
            int owner = worker + i < ThreadCount ? worker + i : worker + i - ThreadCount;
            ref long run = ref _runs[Slot(owner)];
            while (true)
            {
                long word = Volatile.Read(ref run);
                if ((int)(word >> 32) != generation) return;
                int next = (int)(word & 0xFFFF), end = (int)((word >> 16) & 0xFFFF);
                if (next >= end) break;
                if (i != 0 && !_helpStartedRuns && next != _ownedStart[owner]) break;
                if (i == 0 && !_helpStartedRuns)
                {
                    // No one helps with a run once begun, so its owner claims all of it in one exchange.
                    if (Interlocked.CompareExchange(ref run, RunWord(generation, end, end), word) != word) continue;
                    for (int b = next; b < end; b++)
                    {
                        Step(b, worker);
                        stepped++;
                    }
                    break;
                }
                int block = i == 0 ? next : end - 1;
                long taken = i == 0 ? RunWord(generation, next + 1, end) : RunWord(generation, next, end - 1);
                if (Interlocked.CompareExchange(ref run, taken, word) != word) continue;
                Step(block, worker);
                stepped++;
            }
        }
    }

    private void Step(int block, int worker)
    {
        try
        {
            _stepRange(_blockStart[block], _blockStart[block + 1]);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
        }
        if (worker != 0) Volatile.Write(ref _workerAllocated[worker * AllocatedStride], GC.GetAllocatedBytesForCurrentThread());
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
            int generation = (int)(Volatile.Read(ref _runs[Slot(worker)]) >> 32);
            if (generation != seen || _stopping) return generation;
            long waited = Stopwatch.GetTimestamp() - start;
            if (waited < SpinTicks)
            {
                Thread.SpinWait(1);
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
                if ((int)(Volatile.Read(ref _runs[Slot(worker)]) >> 32) == seen && !_stopping) _wake[worker].Wait();
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
