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
/// pays to fetch it back on the next step and is late again, and two threads settled at the speed of one. In that mode
/// the calling thread's run is never taken (it begins as soon as it has published), and each thread counts its own
/// run as soon as it is done, so the thread that finishes last ends the step with that one exchange.
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

    private readonly Action<int, int, nint> _stepRange;
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
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _error;

    /// <summary>
    /// Prepares <paramref name="threads"/> threads (at most one per block) to step <paramref name="count"/> copies with
    /// <paramref name="stepRange"/>(from, to, argument) in blocks of a multiple of <paramref name="alignment"/> copies,
    /// <paramref name="blocksPerThread"/> blocks per thread at most; with <paramref name="helpStartedRuns"/> false, a
    /// thread helps only with workers' runs that their owner has not begun, never with the calling thread's.
    /// </summary>
    public VectorStepThreads(int count, int threads, Action<int, int, nint> stepRange, string name, int alignment = 1, int blocksPerThread = 4,
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

    /// <summary>
    /// Steps every copy once, handing <paramref name="argument"/> to every call of the range function (on every thread,
    /// through the line that carries each worker's signal); rethrows the first exception a block threw.
    /// </summary>
    public void Run(nint argument = 0)
    {
        if (ThreadCount == 1)
        {
            _stepRange(0, _count, argument);
            return;
        }
        // Every line a worker reads is written here only when it changes: each write costs the worker a transfer of
        // that line from this core, on the step's critical path.
        if (_error is not null) _error = null;
        int generation = unchecked(++_generation);
        // Each worker's argument, then its run word, which carries the generation that worker waits for, so that one
        // line brings it the signal, its blocks and the argument. A release store: everything written before it (the
        // actions, the flipped buffer, the argument) is visible to the worker once it sees the word. A plain store lets
        // this thread go on to its own blocks while the line travels; an exchange waited for the line to arrive, half a
        // microsecond of a 12 µs step in minutes when lines move slowly between the cores.
        _runs[Slot(0) + 1] = argument;
        if (_helpStartedRuns) Volatile.Write(ref _runs[Slot(0)], RunWord(generation, _ownedStart[0], _ownedStart[1]));
        for (int c = 1; c < ThreadCount; c++)
        {
            _runs[Slot(c) + 1] = argument;
            Volatile.Write(ref _runs[Slot(c)], RunWord(generation, _ownedStart[c], _ownedStart[c + 1]));
        }
        // Workers found asleep are woken now (after an idle spell, nearly always all of them); one that fell asleep
        // while the words were on their way is caught after the fence below.
        WakeSleepers();

        RunBlocks(generation, 0);

        // A worker announces its sleep, then looks at its word once more: with a full fence between this thread's
        // words and its look at the flags, either this thread sees the flag or the worker sees its word.
        Interlocked.MemoryBarrier();
        WakeSleepers();
        // Blocks still running belong to workers; if one was descheduled, yielding lets it finish sooner.
        int target = Target(generation);
        long start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _counters.Done) != target)
        {
            if (Stopwatch.GetTimestamp() - start < SpinTicks) Thread.SpinWait(1);
            else Thread.Yield();
        }
        _error?.Throw();
    }

    private void WakeSleepers()
    {
        for (int c = 1; c < ThreadCount; c++)
            if (Volatile.Read(ref _sleeping[c]) != 0) _wake[c].Set();
    }

    private static int Slot(int thread) => (thread + 1) * RunStride;

    private static long RunWord(int generation, int next, int end) => ((long)generation << 32) | ((long)end << 16) | (uint)next;

    // Done counts blocks over all steps, so it is never reset: step `generation` ends when it reaches this.
    private int Target(int generation) => unchecked(generation * _blockCount);

    private void RunBlocks(int generation, int worker)
    {
        // Blocks stepped here are counted in as few writes to the shared counter as the rules allow: one per thread
        // and step, two when a thread helps after its own run.
        int stepped = 0;
        try
        {
            if (!_helpStartedRuns)
            {
                // Counting the own run at once lets the thread that finishes last end the step with this one exchange,
                // instead of first reading the other runs' words (a line from the other core each).
                int own = StepOwnRun(generation, worker);
                if (own > 0 && Interlocked.Add(ref _counters.Done, own) == Target(generation)) return;
            }
            HelpOthers(generation, worker, ref stepped);
        }
        finally
        {
            if (stepped > 0) Interlocked.Add(ref _counters.Done, stepped);
        }
    }

    // With helpStartedRuns false: the whole of the thread's own run, unless a helper took it first (it takes a run only
    // before its owner begins). The calling thread's run is never taken: it begins as soon as it has published.
    private int StepOwnRun(int generation, int worker)
    {
        int next = _ownedStart[worker], end = _ownedStart[worker + 1];
        if (worker != 0)
        {
            ref long run = ref _runs[Slot(worker)];
            long word = Volatile.Read(ref run);
            if ((int)(word >> 32) != generation) return 0;
            next = (int)(word & 0xFFFF);
            end = (int)((word >> 16) & 0xFFFF);
            if (next >= end || next != _ownedStart[worker]) return 0;
            if (Interlocked.CompareExchange(ref run, RunWord(generation, end, end), word) != word) return 0;
        }
        nint argument = (nint)_runs[Slot(worker) + 1];
        for (int b = next; b < end; b++) Step(b, worker, argument);
        return end - next;
    }

    private void HelpOthers(int generation, int worker, ref int stepped)
    {
        // With helpStartedRuns, the own run first, from its front; then the others', each from its back, so that their
        // owners keep the front. Without, only runs whose owner has not begun, never the calling thread's.
        for (int i = _helpStartedRuns ? 0 : 1; i < ThreadCount; i++)
        {
            int owner = worker + i < ThreadCount ? worker + i : worker + i - ThreadCount;
            if (!_helpStartedRuns && owner == 0) continue;
            ref long run = ref _runs[Slot(owner)];
            while (true)
            {
                long word = Volatile.Read(ref run);
                if ((int)(word >> 32) != generation) return;
                int next = (int)(word & 0xFFFF), end = (int)((word >> 16) & 0xFFFF);
                if (next >= end) break;
                if (!_helpStartedRuns && next != _ownedStart[owner]) break;
                int block = i == 0 ? next : end - 1;
                long taken = i == 0 ? RunWord(generation, next + 1, end) : RunWord(generation, next, end - 1);
                if (Interlocked.CompareExchange(ref run, taken, word) != word) continue;
                // Written before the word was, so it is this generation's: the step cannot end, and the caller cannot
                // publish the next, before this block is counted.
                Step(block, worker, (nint)_runs[Slot(owner) + 1]);
                stepped++;
            }
        }
    }

    private void Step(int block, int worker, nint argument)
    {
        try
        {
            _stepRange(_blockStart[block], _blockStart[block + 1], argument);
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
