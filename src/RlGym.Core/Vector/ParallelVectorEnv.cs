using System.Runtime.ExceptionServices;
using RlGym.Core.Environments;

namespace RlGym.Core.Vector;

/// <summary>
/// Steps K copies on several threads, with the same API and bit-identical results as
/// <see cref="SyncVectorEnv{TAct}"/> (each copy is always stepped whole by one thread and touches only its own slots).
/// <para>
/// The copies are cut into W contiguous chunks; the calling thread steps the first chunk and W − 1 persistent
/// background threads the others. Each step wakes the workers through one <see cref="ManualResetEventSlim"/> each
/// and waits for the last to finish, so after warm-up stepping allocates nothing. The events spin a while before
/// blocking, which keeps the handoff to microseconds when cores are free. Worth it when stepping a chunk costs more
/// than the handoff (physics, rendering, large observations); for cheap environments prefer the sync one.
/// </para>
/// </summary>
public sealed class ParallelVectorEnv<TAct> : VectorEnv<TAct> where TAct : notnull
{
    private readonly int[] _chunkStart;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _go;
    private const int SpinCount = 1000;
    private readonly ManualResetEventSlim _done = new(false, SpinCount);
    private int _pending;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _error;
    private readonly long[] _workerAllocated;

    /// <summary>Steps the given copies (owned from now on) on <paramref name="threads"/> threads (default: one per core, at most K).</summary>
    public ParallelVectorEnv(IEnumerable<IEnv<float[], TAct>> envs, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : base(envs, autoresetMode)
    {
        int w = threads ?? Environment.ProcessorCount;
        if (w <= 0) throw new ArgumentOutOfRangeException(nameof(threads), w, "must be positive");
        w = Math.Min(w, Count);
        ThreadCount = w;
        _chunkStart = new int[w + 1];
        for (int c = 0; c <= w; c++) _chunkStart[c] = (int)((long)c * Count / w);
        _workerAllocated = new long[w];
        _go = new ManualResetEventSlim[w];
        _threads = new Thread[w];
        // An event makes its lock object the first time a wait blocks; a 1 ms wait on each now moves that allocation
        // out of stepping.
        _done.Wait(1);
        for (int c = 1; c < w; c++)
        {
            _go[c] = new ManualResetEventSlim(false, SpinCount);
            _go[c].Wait(1);
            int chunk = c;
            _threads[c] = new Thread(() => Work(chunk)) { IsBackground = true, Name = $"{nameof(ParallelVectorEnv<TAct>)} worker {c}" };
            _threads[c].Start();
        }
    }

    /// <summary>Makes <paramref name="count"/> copies with <paramref name="make"/> (called with 0..count−1).</summary>
    public ParallelVectorEnv(int count, Func<int, IEnv<float[], TAct>> make, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : this(SyncVectorEnv<TAct>.Copies(count, make), autoresetMode, threads) { }

    /// <summary>Threads stepping copies, the calling thread included.</summary>
    public int ThreadCount { get; }

    /// <summary>
    /// Bytes allocated so far by the background workers (each reads its own thread's counter after every step), so
    /// that a test or benchmark can check that stepping allocates nothing without counting other threads' work.
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
        _error = null;
        _pending = ThreadCount - 1;
        _done.Reset();
        for (int c = 1; c < ThreadCount; c++) _go[c].Set();
        RunChunk(0);
        if (ThreadCount > 1) _done.Wait();
        _error?.Throw();
    }

    private void Work(int chunk)
    {
        var go = _go[chunk];
        while (true)
        {
            go.Wait();
            go.Reset();
            if (_stopping) return;
            RunChunk(chunk);
            Volatile.Write(ref _workerAllocated[chunk], GC.GetAllocatedBytesForCurrentThread());
            if (Interlocked.Decrement(ref _pending) == 0) _done.Set();
        }
    }

    private void RunChunk(int chunk)
    {
        try
        {
            StepRange(_chunkStart[chunk], _chunkStart[chunk + 1]);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
        }
    }

    /// <inheritdoc />
    protected override void DisposeWorkers()
    {
        _stopping = true;
        for (int c = 1; c < ThreadCount; c++) _go[c].Set();
        for (int c = 1; c < ThreadCount; c++) _threads[c].Join();
        for (int c = 1; c < ThreadCount; c++) _go[c].Dispose();
        _done.Dispose();
    }
}
