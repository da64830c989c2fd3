using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Vector;

/// <summary>
/// K copies of an environment held as arrays, one per state variable (structure of arrays, as Gymnasium's
/// <c>CartPoleVectorEnv</c>), and stepped in one loop, with the time limit built in: no environment objects, no
/// wrappers, no per-copy calls. It follows <see cref="VectorEnv{TAct}"/>'s semantics exactly, so K copies made by the
/// registry and stepped by a <see cref="SyncVectorEnv{TAct}"/> with the same seeds give the same batches bit for bit:
/// <c>Reset(seed)</c> seeds copy i's own generator with seed + i, a reset without a seed continues each stream, the
/// time limit truncates at <see cref="MaxEpisodeSteps"/>, and <see cref="AutoresetMode"/> resets as Gymnasium v1 does.
/// <para>
/// A subclass writes the dynamics over a range of copies (<see cref="Advance"/>), the starting state of one copy
/// (<see cref="ResetCopy"/>) and the observations of a range (<see cref="Observe"/>); this class does the time limit,
/// the resets and the threads. With more than one thread the copies are cut into blocks of whole cache lines, each
/// stepped whole by one thread, so the numbers do not depend on the thread count. Every per-copy array starts on a
/// cache line (<see cref="CacheLineArray"/>), so that two threads on neighbouring blocks never write to one line. A
/// subclass keeps its per-copy state in <see cref="PerCopyArray{T}"/> arrays, where each thread's copies are also set
/// apart from the next thread's, and steps a range in the direction <see cref="SteppedDownward"/> gives, so that no
/// core's prefetcher reads ahead into lines another thread is about to write. Stepping allocates nothing.
/// </para>
/// </summary>
public abstract class ArrayVectorEnv<TAct> : IVectorEnv<TAct> where TAct : notnull
{
    // Blocks of 64 copies keep threads off each other's cache lines in every per-copy array (64 bools, 16 floats), as
    // long as the arrays start on a line: they come from CacheLineArray or PerCopyArray.
    private const int BlockAlignment = 64;
    // Bytes left unused after each thread's copies in every per-copy state array: a core's prefetcher reads up to about a
    // kilobyte past the end of what its thread streams through, and lines it takes from the next thread's copies that
    // thread must fetch back before it writes them.
    private const int GapBytes = 4096;

    private readonly float[] _bufferA;
    private readonly float[] _bufferB;
    // A copy of the caller's actions, only when TAct holds references and cannot be pinned.
    private readonly TAct[]? _actionsCopy;
    private readonly Rng?[] _random;
    private readonly bool[] _needsReset;
    private readonly int[] _elapsed;
    private readonly int _limit;
    private readonly VectorStepThreads _threads;
    // The first copy of each thread's own copies, and Count after the last.
    private readonly int[] _partitionStart;
    private readonly bool _oneThread;
    private float[] _current;
    private bool _hasReset;
    private bool _disposed;

    /// <summary>Prepares the per-copy arrays and the threads for <paramref name="settings"/>.</summary>
    protected ArrayVectorEnv(Box singleObservationSpace, Space<TAct> singleActionSpace, VectorEnvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count <= 0) throw new ArgumentOutOfRangeException(nameof(settings), settings.Count, "Count must be positive.");
        if (settings.MaxEpisodeSteps is <= 0) throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxEpisodeSteps, "MaxEpisodeSteps must be positive.");
        if (settings.Threads <= 0) throw new ArgumentOutOfRangeException(nameof(settings), settings.Threads, "Threads must be positive.");
        if (!Enum.IsDefined(settings.AutoresetMode)) throw new ArgumentOutOfRangeException(nameof(settings), settings.AutoresetMode, null);

        int k = settings.Count, n = singleObservationSpace.Size;
        Count = k;
        SingleObservationSpace = singleObservationSpace;
        SingleActionSpace = singleActionSpace;
        ObservationSize = n;
        AutoresetMode = settings.AutoresetMode;
        MaxEpisodeSteps = settings.MaxEpisodeSteps;
        _limit = settings.MaxEpisodeSteps ?? int.MaxValue;
        _bufferA = CacheLineArray.Allocate<float>(k * n);
        _bufferB = CacheLineArray.Allocate<float>(k * n);
        _current = _bufferA;
        FinalObservations = CacheLineArray.Allocate<float>(k * n);
        HasFinalObservation = CacheLineArray.Allocate<bool>(k);
        Rewards = CacheLineArray.Allocate<double>(k);
        Terminated = CacheLineArray.Allocate<bool>(k);
        Truncated = CacheLineArray.Allocate<bool>(k);
        Infos = new IReadOnlyDictionary<string, object>[k];
        FinalInfos = new IReadOnlyDictionary<string, object>[k];
        Array.Fill(Infos, Info.Empty);
        Array.Fill(FinalInfos, Info.Empty);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TAct>()) _actionsCopy = new TAct[k];
        _random = new Rng?[k];
        // Four blocks per thread: a thread that has not begun hands over a quarter of its run at a time (taking one costs a
        // CAS on a line of its own); one that has begun keeps its run, whose state is in its core's cache.
        _threads = new VectorStepThreads(k, settings.Threads, StepRange, GetType().Name, BlockAlignment, blocksPerThread: 4, helpStartedRuns: false);
        _partitionStart = new int[_threads.ThreadCount + 1];
        for (int t = 0; t < _threads.ThreadCount; t++) _partitionStart[t] = _threads.RunStart(t);
        _partitionStart[^1] = k;
        _oneThread = _threads.ThreadCount == 1;
        _needsReset = PerCopyArray<bool>();
        _elapsed = PerCopyArray<int>();
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public AutoresetMode AutoresetMode { get; }

    /// <inheritdoc />
    public Box SingleObservationSpace { get; }

    /// <inheritdoc />
    public Space<TAct> SingleActionSpace { get; }

    Space IVectorEnv.SingleActionSpace => SingleActionSpace;

    /// <inheritdoc />
    public int ObservationSize { get; }

    /// <summary>Steps after which a copy's episode is truncated (Gymnasium's <c>TimeLimit</c>); null for none.</summary>
    public int? MaxEpisodeSteps { get; }

    /// <inheritdoc />
    public int ThreadCount => _threads.ThreadCount;

    /// <summary>Bytes allocated so far by the background threads, for checking that stepping allocates nothing.</summary>
    public long WorkerAllocatedBytes => _threads.WorkerAllocatedBytes;

    /// <inheritdoc />
    public float[] Observations => _current;

    /// <summary>
    /// The two batches that steps write in turn (a step writes one while the caller may still read the other's
    /// observations); <see cref="Observe"/> gets one of them or, in same-step autoreset, <see cref="FinalObservations"/>.
    /// An environment that writes few elements per row can keep track of what each holds.
    /// </summary>
    protected (float[] A, float[] B) ObservationBuffers => (_bufferA, _bufferB);

    /// <summary>Copy <paramref name="i"/>'s row of <see cref="Observations"/>.</summary>
    public ReadOnlySpan<float> Observation(int i) => _current.AsSpan(i * ObservationSize, ObservationSize);

    /// <inheritdoc />
    public double[] Rewards { get; }

    /// <inheritdoc />
    public bool[] Terminated { get; }

    /// <inheritdoc />
    public bool[] Truncated { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object>[] Infos { get; }

    /// <inheritdoc />
    public float[] FinalObservations { get; }

    /// <inheritdoc />
    public bool[] HasFinalObservation { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object>[] FinalInfos { get; }

    /// <summary>Steps taken in copy <paramref name="i"/>'s current episode.</summary>
    public int ElapsedSteps(int i) => _elapsed[i + Offset<int>(i)];

    /// <inheritdoc />
    public float[] Reset(long? seed = null, EnvOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = Flip();
        for (int i = 0; i < Count; i++)
        {
            // As a single environment: a seed restarts copy i's stream at seed + i, no seed continues it.
            if (seed is { } s) (_random[i] ??= new Rng(0)).Reseed(s + i);
            else _random[i] ??= Rng.FromEntropy();
            ResetCopy(i, _random[i]!, options);
            Rewards[i] = 0;
            Terminated[i] = Truncated[i] = HasFinalObservation[i] = _needsReset[i + Offset<bool>(i)] = false;
            _elapsed[i + Offset<int>(i)] = 0;
        }
        for (int t = 0; t < _partitionStart.Length - 1; t++) Observe(_partitionStart[t], _partitionStart[t + 1], target);
        _hasReset = true;
        return target;
    }

    /// <inheritdoc />
    public VectorStepResult Step(ReadOnlySpan<TAct> actions)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasReset) throw new InvalidOperationException($"{this}: Step was called before Reset; call Reset first.");
        if (actions.Length != Count)
            throw new ArgumentException($"Got {actions.Length} actions for {Count} copies.", nameof(actions));
        CheckActions(actions);
        Flip();
        if (_actionsCopy is not null)
        {
            actions.CopyTo(_actionsCopy);
            _threads.Run();
        }
        else
        {
            unsafe
            {
                // Each thread receives the address with its signal, on the line it reads anyway: a field written here on
                // every step would cost each worker a transfer of that field's line from this core.
                fixed (byte* pinned = &Unsafe.As<TAct, byte>(ref MemoryMarshal.GetReference(actions)))
                    _threads.Run((nint)pinned);
            }
        }
        return new VectorStepResult(_current, Rewards, Terminated, Truncated);
    }

    /// <summary>
    /// Applies each copy's action to its state for every copy in [<paramref name="from"/>, <paramref name="to"/>) and
    /// sets <see cref="Terminated"/>[i] and <see cref="Rewards"/>[i]. Copies waiting for their autoreset are advanced
    /// too (cheaper than a test per copy); their reset overwrites the result. <paramref name="actions"/>[i] is copy i's
    /// action, for all K copies, and is valid only during the call. Touch only copies from..to − 1: other ranges run on
    /// other threads. The range lies within one thread's copies, so <see cref="Offset{T}"/>(from) holds for all of it.
    /// </summary>
    protected abstract void Advance(int from, int to, ReadOnlySpan<TAct> actions);

    /// <summary>
    /// Copy <paramref name="i"/>'s generator, for dynamics that draw at random in <see cref="Advance"/> (FrozenLake's
    /// slippery ice). Call it only for copies in the range being advanced, and not for a copy that is
    /// <see cref="AwaitingReset"/>: its single env would not step, so it would not draw.
    /// </summary>
    protected Rng CopyRandom(int i) => _random[i]!;

    /// <summary>
    /// For copies [<paramref name="from"/>, <paramref name="to"/>) (element 0 is copy <paramref name="from"/>), true when
    /// its episode ended in the previous step and this step resets it (<see cref="AutoresetMode.NextStep"/>).
    /// <see cref="Advance"/> may skip such a copy, and must when its dynamics draw at random.
    /// </summary>
    protected ReadOnlySpan<bool> AwaitingReset(int from, int to) => _needsReset.AsSpan(from + Offset<bool>(from), to - from);

    /// <summary>
    /// A zeroed array for one per-copy state variable, copy i at index i + <see cref="Offset{T}"/>(i): each thread's copies
    /// start on a cache line and are followed by 4 KB that no copy uses, so that no core's prefetcher takes lines another
    /// thread is about to write (with one thread, copy i is simply at i). Two threads stepping 1,024 cart-poles whose
    /// state arrays had no gap were slowed by the lines where their ranges met (see the README).
    /// </summary>
    protected T[] PerCopyArray<T>() where T : unmanaged =>
        CacheLineArray.Allocate<T>(Count + (_oneThread ? 0 : (_partitionStart.Length - 1) * GapOf<T>()));

    /// <summary>
    /// Where copy <paramref name="i"/> sits in a <see cref="PerCopyArray{T}"/> array, less i; the same for every copy of
    /// a range that <see cref="Advance"/> or <see cref="Observe"/> is given.
    /// </summary>
    protected int Offset<T>(int i) where T : unmanaged => _oneThread ? 0 : Partition(i) * GapOf<T>();

    /// <summary>
    /// True when the range starting at copy <paramref name="from"/> is best stepped from its last copy down to its
    /// first: its thread's copies lie just below another thread's in the batches every thread writes (observations,
    /// rewards, flags), and a core's prefetcher runs ahead of an upward stream into the lines above it, which the other
    /// thread must then fetch back before it writes them. The thread above steps upward, away from this one. Results
    /// never depend on the order (each copy's step reads and writes only its own state and draws from its own generator);
    /// only speed does.
    /// </summary>
    protected bool SteppedDownward(int from)
    {
        if (_oneThread) return false;
        int p = Partition(from);
        return p % 2 == 0 && p < _partitionStart.Length - 2;
    }

    private int Partition(int i)
    {
        // The last thread's copies run to the end (an empty range may start at Count).
        int p = 0, last = _partitionStart.Length - 2;
        while (p < last && i >= _partitionStart[p + 1]) p++;
        return p;
    }

    private static int GapOf<T>() where T : unmanaged => GapBytes / Unsafe.SizeOf<T>();

    /// <summary>Draws copy <paramref name="i"/>'s starting state from <paramref name="random"/>, as the single environment's <c>Reset</c> does.</summary>
    protected abstract void ResetCopy(int i, Rng random, EnvOptions? options);

    /// <summary>
    /// Writes the observations of copies [<paramref name="from"/>, <paramref name="to"/>) into their rows of
    /// <paramref name="batch"/>; the range lies within one thread's copies, as in <see cref="Advance"/>.
    /// </summary>
    protected abstract void Observe(int from, int to, float[] batch);

    // callerActions: the caller's actions, pinned for the length of the step when TAct holds no references, so that
    // every thread reads its own range of them where they are, with no copy.
    private unsafe void StepRange(int from, int to, nint callerActions)
    {
        ReadOnlySpan<TAct> actions = _actionsCopy is { } copy ? copy : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef<TAct>((void*)callerActions), Count);
        Advance(from, to, actions);
        var needsReset = _needsReset.AsSpan(from + Offset<bool>(from), to - from);
        var elapsed = _elapsed.AsSpan(from + Offset<int>(from), to - from);
        var terminated = Terminated.AsSpan(from, to - from);
        var truncated = Truncated.AsSpan(from, to - from);
        if (AutoresetMode == AutoresetMode.NextStep)
        {
            if (SteppedDownward(from)) AutoresetNextStep<DownwardOrder>(from, needsReset, elapsed, terminated, truncated);
            else AutoresetNextStep<UpwardOrder>(from, needsReset, elapsed, terminated, truncated);
        }
        else
        {
            var hasFinal = HasFinalObservation.AsSpan(from, to - from);
            for (int j = 0; j < needsReset.Length; j++)
            {
                bool limit = ++elapsed[j] >= _limit;
                truncated[j] = limit;
                bool done = terminated[j] | limit;
                hasFinal[j] = done;
                if (done)
                {
                    Observe(from + j, from + j + 1, FinalObservations);
                    ResetCopy(from + j, _random[from + j]!, null);
                    elapsed[j] = 0;
                }
            }
        }
        Observe(from, to, _current);
    }

    // The time limit and Gymnasium's next-step autoreset for the copies from `from` on, the spans' element 0 being copy
    // `from`, visited in TOrder.
    private void AutoresetNextStep<TOrder>(int from, Span<bool> needsReset, Span<int> elapsed, Span<bool> terminated, Span<bool> truncated)
        where TOrder : struct, IStepOrder
    {
        // The four spans have one length, which the JIT cannot see: through refs, the loop runs without a bounds
        // check per array, a fifth of a toy-text step.
        ref bool needs = ref MemoryMarshal.GetReference(needsReset);
        ref int steps = ref MemoryMarshal.GetReference(elapsed);
        ref bool ended = ref MemoryMarshal.GetReference(terminated);
        ref bool cut = ref MemoryMarshal.GetReference(truncated);
        int limitSteps = _limit, count = needsReset.Length, k = 0;
        var limits = Vector256.Create(limitSteps);
        while (k < count)
        {
            // Eight copies at a time while none of them awaits its reset, as nearly always: their step counts in one
            // vector, their flags as the eight bytes of one word (a bool is a byte, 0 or 1). j is the lowest of them.
            int j = Math.Min(TOrder.Copy(k, 0, count), TOrder.Copy(k + 7, 0, count));
            if (Vector256.IsHardwareAccelerated && k <= count - 8
                && Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<bool, byte>(ref Unsafe.Add(ref needs, j))) == 0)
            {
                var counted = Vector256.LoadUnsafe(ref steps, (nuint)j) + Vector256<int>.One;
                counted.StoreUnsafe(ref steps, (nuint)j);
                ulong limitFlags = FlagBytes[Vector256.GreaterThanOrEqual(counted, limits).ExtractMostSignificantBits()];
                ulong endedFlags = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<bool, byte>(ref Unsafe.Add(ref ended, j)));
                Unsafe.WriteUnaligned(ref Unsafe.As<bool, byte>(ref Unsafe.Add(ref cut, j)), limitFlags);
                Unsafe.WriteUnaligned(ref Unsafe.As<bool, byte>(ref Unsafe.Add(ref needs, j)), endedFlags | limitFlags);
                k += 8;
                continue;
            }
            int c = TOrder.Copy(k, 0, count);
            if (Unsafe.Add(ref needs, c))
            {
                // Gymnasium's next-step autoreset: this step ignores the action and returns the reset observation.
                ResetCopy(from + c, _random[from + c]!, null);
                Rewards[from + c] = 0;
                Unsafe.Add(ref ended, c) = Unsafe.Add(ref cut, c) = Unsafe.Add(ref needs, c) = false;
                Unsafe.Add(ref steps, c) = 0;
            }
            else
            {
                bool limit = ++Unsafe.Add(ref steps, c) >= limitSteps;
                Unsafe.Add(ref cut, c) = limit;
                Unsafe.Add(ref needs, c) = Unsafe.Add(ref ended, c) | limit;
            }
            k++;
        }
    }

    private void CheckActions(ReadOnlySpan<TAct> actions)
    {
        if (typeof(TAct) == typeof(int) && SingleActionSpace is Discrete d)
        {
            // One unsigned compare per copy instead of a virtual Contains.
            var ints = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TAct, int>(ref MemoryMarshal.GetReference(actions)), actions.Length);
            uint n = (uint)d.N;
            int start = d.Start, i = 0;
            if (Vector256.IsHardwareAccelerated && ints.Length >= Vector256<int>.Count)
            {
                // Eight copies per compare; only when one is outside does the scalar loop below look for the first.
                var starts = Vector256.Create(start);
                var counts = Vector256.Create(n);
                var outside = Vector256<uint>.Zero;
                ref int first = ref MemoryMarshal.GetReference(ints);
                for (; i <= ints.Length - Vector256<int>.Count; i += Vector256<int>.Count)
                    outside |= Vector256.GreaterThanOrEqual((Vector256.LoadUnsafe(ref first, (nuint)i) - starts).AsUInt32(), counts);
                if (outside != Vector256<uint>.Zero) i = 0;
            }
            for (; i < ints.Length; i++)
                if ((uint)(ints[i] - start) >= n) ThrowAction(i, actions[i]);
            return;
        }
        for (int i = 0; i < actions.Length; i++)
            if (!Accepts(actions[i])) ThrowAction(i, actions[i]);
    }

    /// <summary>
    /// Whether a copy takes <paramref name="action"/>: by default when it is in <see cref="SingleActionSpace"/>. An
    /// environment that clips what lies outside its action space (Pendulum's torque) accepts more, as its single env does.
    /// </summary>
    protected virtual bool Accepts(TAct action) => SingleActionSpace.Contains(action);

    private void ThrowAction(int i, TAct action) =>
        throw new ArgumentOutOfRangeException("actions", action, $"Action of copy {i} is not in {SingleActionSpace}.");

    // The eight bool bytes of a little-endian word for each 8-bit mask of lanes (lane l in byte l).
    private static readonly ulong[] FlagBytes = [.. Enumerable.Range(0, 256).Select(m =>
        Enumerable.Range(0, 8).Aggregate(0UL, (word, l) => word | (ulong)((m >> l) & 1) << (8 * l)))];

    private float[] Flip() => _current = ReferenceEquals(_current, _bufferA) ? _bufferB : _bufferA;

    /// <summary>Stops the threads; safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _threads.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name.Split('`')[0]}({Count} copies)";
}
