using RlGym.Core.Environments;

namespace RlGym.Core.Vector;

/// <summary>
/// Steps K copies on several threads, with the same API and bit-identical results as
/// <see cref="SyncVectorEnv{TAct}"/> (each copy is always stepped whole by one thread and touches only its own slots).
/// <para>
/// The copies are cut into a few contiguous blocks per thread. Each step publishes a new generation number; the
/// calling thread and W − 1 persistent background workers then step the blocks each owns (the same ones every step, so
/// a copy's state stays in one core's cache), help with the others' unfinished blocks, and the caller returns when
/// every block is done. Helping means a worker the operating system has not scheduled yet costs nothing: the others
/// take its blocks. Workers spin briefly between steps (so a
/// training loop's next step is picked up within a microsecond), then yield, then sleep on an event, and are woken
/// through it only when they sleep; after warm-up stepping allocates nothing. Worth it when a step of all K copies
/// costs several microseconds (e.g. 64 or more CartPoles); for a handful of cheap copies prefer the sync one.
/// </para>
/// </summary>
public sealed class ParallelVectorEnv<TAct> : VectorEnv<TAct> where TAct : notnull
{
    private readonly VectorStepThreads _threads;

    /// <summary>Steps the given copies (owned from now on) on <paramref name="threads"/> threads (default: one per core, at most K).</summary>
    public ParallelVectorEnv(IEnumerable<IEnv<float[], TAct>> envs, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : base(envs, autoresetMode)
    {
        int w = threads ?? Environment.ProcessorCount;
        if (w <= 0) throw new ArgumentOutOfRangeException(nameof(threads), w, "must be positive");
        _threads = new VectorStepThreads(Count, w, (from, to, _) => StepRange(from, to), nameof(ParallelVectorEnv<TAct>));
    }

    /// <summary>Makes <paramref name="count"/> copies with <paramref name="make"/> (called with 0..count−1).</summary>
    public ParallelVectorEnv(int count, Func<int, IEnv<float[], TAct>> make, AutoresetMode autoresetMode = AutoresetMode.NextStep, int? threads = null)
        : this(SyncVectorEnv<TAct>.Copies(count, make), autoresetMode, threads) { }

    /// <inheritdoc />
    public override int ThreadCount => _threads.ThreadCount;

    /// <summary>
    /// Bytes allocated so far by the background workers (each reads its own thread's counter after every block it
    /// steps), so that a test or benchmark can check that stepping allocates nothing without counting other threads' work.
    /// </summary>
    public long WorkerAllocatedBytes => _threads.WorkerAllocatedBytes;

    /// <inheritdoc />
    protected override void StepAll() => _threads.Run();

    /// <inheritdoc />
    protected override void DisposeWorkers() => _threads.Dispose();
}
