using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Vector;

/// <summary>
/// K copies of an environment with <see cref="Box"/> observations stepped as one, with Gymnasium v1's vector
/// semantics: batched observations in one contiguous array of K × n floats (row i is copy i), batched actions,
/// rewards and flags per copy, and automatic reset of copies whose episode ended (<see cref="AutoresetMode"/>).
/// <para>
/// <c>Reset(seed)</c> seeds copy i with seed + i. As for a single environment, the batch returned by a step stays
/// valid until the following step (two alternating buffers), so s and s' of a batch are both readable.
/// After warm-up stepping allocates nothing (as long as the copies' own Step and Reset do not).
/// </para>
/// </summary>
public abstract class VectorEnv<TAct> : IVectorEnv<TAct> where TAct : notnull
{
    private readonly IEnv<float[], TAct>[] _envs;
    private readonly float[] _bufferA;
    private readonly float[] _bufferB;
    private readonly bool[] _needsReset;
    private readonly TAct[] _actions;
    private float[] _current;
    private bool _hasReset;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="envs"/> (disposed with the vector environment).</summary>
    protected VectorEnv(IEnumerable<IEnv<float[], TAct>> envs, AutoresetMode autoresetMode)
    {
        _envs = envs.ToArray();
        if (_envs.Length == 0) throw new ArgumentException("A vector environment needs at least one copy.", nameof(envs));
        SingleObservationSpace = _envs[0].ObservationSpace as Box ?? throw new ArgumentException(
            $"Vector environments need Box observations; {_envs[0]} has {_envs[0].ObservationSpace} (wrap it with OneHotObservation).", nameof(envs));
        SingleActionSpace = _envs[0].ActionSpace;
        for (int i = 0; i < _envs.Length; i++)
        {
            if (_envs[i].ObservationSpace is not Box b || b.Size != SingleObservationSpace.Size)
                throw new ArgumentException($"Copy {i} has observations {_envs[i].ObservationSpace}; copy 0 has {SingleObservationSpace}.", nameof(envs));
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(_envs[i], _envs[j]))
                    throw new ArgumentException($"Copies {j} and {i} are the same object; each copy needs its own environment.", nameof(envs));
        }
        if (!Enum.IsDefined(autoresetMode)) throw new ArgumentOutOfRangeException(nameof(autoresetMode), autoresetMode, null);
        AutoresetMode = autoresetMode;

        int k = _envs.Length, n = SingleObservationSpace.Size;
        ObservationSize = n;
        _bufferA = new float[k * n];
        _bufferB = new float[k * n];
        _current = _bufferA;
        FinalObservations = new float[k * n];
        HasFinalObservation = new bool[k];
        Rewards = new double[k];
        Terminated = new bool[k];
        Truncated = new bool[k];
        Infos = new IReadOnlyDictionary<string, object>[k];
        FinalInfos = new IReadOnlyDictionary<string, object>[k];
        Array.Fill(Infos, Info.Empty);
        Array.Fill(FinalInfos, Info.Empty);
        _needsReset = new bool[k];
        _actions = new TAct[k];
    }

    /// <summary>Number of copies, K.</summary>
    public int Count => _envs.Length;

    /// <summary>The copies, in order (copy i is seeded with seed + i).</summary>
    public IReadOnlyList<IEnv<float[], TAct>> Envs => _envs;

    /// <summary>How copies whose episode ended are reset.</summary>
    public AutoresetMode AutoresetMode { get; }

    /// <summary>The observation space of one copy.</summary>
    public Box SingleObservationSpace { get; }

    /// <summary>The action space of one copy.</summary>
    public Space<TAct> SingleActionSpace { get; }

    Space IVectorEnv.SingleActionSpace => SingleActionSpace;

    /// <summary>Threads that step the copies, the calling thread included.</summary>
    public virtual int ThreadCount => 1;

    /// <summary>Elements of one copy's observation, n.</summary>
    public int ObservationSize { get; }

    /// <summary>The latest batch of observations, K × n floats, row i for copy i.</summary>
    public float[] Observations => _current;

    /// <summary>Copy <paramref name="i"/>'s row of <see cref="Observations"/>.</summary>
    public ReadOnlySpan<float> Observation(int i) => _current.AsSpan(i * ObservationSize, ObservationSize);

    /// <summary>The latest reward of each copy.</summary>
    public double[] Rewards { get; }

    /// <summary>The latest terminated flag of each copy.</summary>
    public bool[] Terminated { get; }

    /// <summary>The latest truncated flag of each copy.</summary>
    public bool[] Truncated { get; }

    /// <summary>The latest info of each copy (its reset's info on a step that reset it).</summary>
    public IReadOnlyDictionary<string, object>[] Infos { get; }

    /// <summary>
    /// <see cref="AutoresetMode.SameStep"/> only: row i holds the last observation of copy i's episode when
    /// <see cref="HasFinalObservation"/>[i] is true (Gymnasium's <c>final_obs</c>).
    /// </summary>
    public float[] FinalObservations { get; }

    /// <summary><see cref="AutoresetMode.SameStep"/> only: true for copies whose episode ended (and were reset) in the latest step.</summary>
    public bool[] HasFinalObservation { get; }

    /// <summary><see cref="AutoresetMode.SameStep"/> only: the info of the step that ended copy i's episode (Gymnasium's <c>final_info</c>).</summary>
    public IReadOnlyDictionary<string, object>[] FinalInfos { get; }

    /// <summary>Resets every copy, copy i with <c>seed + i</c> (or each continuing its own stream when no seed), and returns the batch.</summary>
    public float[] Reset(long? seed = null, EnvOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = Flip();
        for (int i = 0; i < _envs.Length; i++)
        {
            var r = _envs[i].Reset(seed + i, options);
            Write(target, i, r.Observation);
            Infos[i] = r.Info;
            FinalInfos[i] = Info.Empty;
            Rewards[i] = 0;
            Terminated[i] = Truncated[i] = HasFinalObservation[i] = _needsReset[i] = false;
        }
        _hasReset = true;
        return target;
    }

    /// <summary>Steps every copy with its action (one per copy, in order) and returns the batch.</summary>
    public VectorStepResult Step(ReadOnlySpan<TAct> actions)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasReset) throw new InvalidOperationException($"{this}: Step was called before Reset; call Reset first.");
        if (actions.Length != _envs.Length)
            throw new ArgumentException($"Got {actions.Length} actions for {_envs.Length} copies.", nameof(actions));
        actions.CopyTo(_actions);
        Flip();
        StepAll();
        return new VectorStepResult(_current, Rewards, Terminated, Truncated);
    }

    /// <summary>Steps every copy, calling <see cref="StepRange"/> over 0..K in any split across threads.</summary>
    protected abstract void StepAll();

    /// <summary>
    /// Steps copies <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive). Each copy touches only
    /// its own row and slots, so disjoint ranges may run on different threads and give the same numbers.
    /// </summary>
    protected void StepRange(int from, int to)
    {
        for (int i = from; i < to; i++) StepCopy(i);
    }

    private void StepCopy(int i)
    {
        var env = _envs[i];
        if (AutoresetMode == AutoresetMode.NextStep && _needsReset[i])
        {
            var reset = env.Reset();
            Write(_current, i, reset.Observation);
            Rewards[i] = 0;
            Terminated[i] = Truncated[i] = _needsReset[i] = false;
            Infos[i] = reset.Info;
            return;
        }

        var r = env.Step(_actions[i]);
        Rewards[i] = r.Reward;
        Terminated[i] = r.Terminated;
        Truncated[i] = r.Truncated;
        bool done = r.Terminated || r.Truncated;
        if (AutoresetMode == AutoresetMode.NextStep)
        {
            Write(_current, i, r.Observation);
            SetInfo(Infos, i, r.Info);
            _needsReset[i] = done;
        }
        else if (done)
        {
            Write(FinalObservations, i, r.Observation);
            HasFinalObservation[i] = true;
            FinalInfos[i] = r.Info;
            var reset = env.Reset();
            Write(_current, i, reset.Observation);
            Infos[i] = reset.Info;
        }
        else
        {
            Write(_current, i, r.Observation);
            HasFinalObservation[i] = false;
            SetInfo(FinalInfos, i, Info.Empty);
            SetInfo(Infos, i, r.Info);
        }
    }

    // Steps nearly always return the shared empty info: skipping the store when nothing changed saves the array's
    // type check and write barrier on every copy of every step.
    private static void SetInfo(IReadOnlyDictionary<string, object>[] infos, int i, IReadOnlyDictionary<string, object> info)
    {
        if (!ReferenceEquals(infos[i], info)) infos[i] = info;
    }

    private float[] Flip() => _current = ReferenceEquals(_current, _bufferA) ? _bufferB : _bufferA;

    private void Write(float[] batch, int i, float[] observation)
    {
        if (observation.Length != ObservationSize)
            throw new InvalidOperationException($"Copy {i} returned {observation.Length} values; {SingleObservationSpace} has {ObservationSize}.");
        observation.AsSpan().CopyTo(batch.AsSpan(i * ObservationSize, ObservationSize));
    }

    /// <summary>Stops any threads, then disposes every copy; safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        DisposeWorkers();
        foreach (var env in _envs) env.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a subclass holds (its threads) before the copies are disposed.</summary>
    protected virtual void DisposeWorkers() { }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name.Split('`')[0]}({_envs.Length} x {_envs[0]})";
}
