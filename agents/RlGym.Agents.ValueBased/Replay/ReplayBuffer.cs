namespace RlGym.Agents.ValueBased;

/// <summary>
/// Experience replay: a ring buffer of the last n transitions (s, a, r, s′, terminated, horizon) in arrays allocated
/// once, so storing a million transitions allocates nothing. Row i of <see cref="Observations"/> is
/// <c>[i·d, (i+1)·d)</c>. For multi-step targets r is the discounted sum Σ_{i&lt;m} γ^i r_{t+i} and s′ is s_{t+m};
/// <see cref="Horizons"/> holds m so that the target discounts the bootstrap by γ^m (m is shorter at episode ends).
/// </summary>
public sealed class ReplayBuffer
{
    private readonly float[] _observations;
    private readonly float[] _nextObservations;
    private readonly int[] _actions;
    private readonly double[] _rewards;
    private readonly bool[] _terminated;
    private readonly int[] _horizons;
    private int _next;

    /// <summary>Allocates room for <paramref name="capacity"/> transitions of observations of width <paramref name="observationSize"/>.</summary>
    public ReplayBuffer(int capacity, int observationSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        Capacity = capacity;
        ObservationSize = observationSize;
        _observations = new float[(long)capacity * observationSize <= Array.MaxLength
            ? capacity * observationSize
            : throw new ArgumentOutOfRangeException(nameof(capacity), "capacity × observation size exceeds the largest array")];
        _nextObservations = new float[capacity * observationSize];
        _actions = new int[capacity];
        _rewards = new double[capacity];
        _terminated = new bool[capacity];
        _horizons = new int[capacity];
    }

    /// <summary>n, the most transitions kept.</summary>
    public int Capacity { get; }

    /// <summary>d, the width of one observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Transitions stored (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Transitions ever added.</summary>
    public long Added { get; private set; }

    /// <summary>Observations s, <see cref="Capacity"/> rows of <see cref="ObservationSize"/>.</summary>
    public ReadOnlySpan<float> Observations => _observations;

    /// <summary>Next observations s′ (s_{t+m} for m-step transitions).</summary>
    public ReadOnlySpan<float> NextObservations => _nextObservations;

    /// <summary>Actions a.</summary>
    public ReadOnlySpan<int> Actions => _actions;

    /// <summary>Rewards r (discounted m-step sums).</summary>
    public ReadOnlySpan<double> Rewards => _rewards;

    /// <summary>True where s′ is terminal: no bootstrap.</summary>
    public ReadOnlySpan<bool> Terminated => _terminated;

    /// <summary>The number of rewards summed in each transition; the bootstrap is discounted by γ to this power.</summary>
    public ReadOnlySpan<int> Horizons => _horizons;

    /// <summary>Row <paramref name="index"/> of <see cref="Observations"/>.</summary>
    public ReadOnlySpan<float> Observation(int index) => _observations.AsSpan(index * ObservationSize, ObservationSize);

    /// <summary>Row <paramref name="index"/> of <see cref="NextObservations"/>.</summary>
    public ReadOnlySpan<float> NextObservation(int index) => _nextObservations.AsSpan(index * ObservationSize, ObservationSize);

    /// <summary>Stores a transition over the oldest one once full; returns the slot it went to.</summary>
    public int Add(ReadOnlySpan<float> observation, int action, double reward, ReadOnlySpan<float> nextObservation,
        bool terminated, int horizon = 1)
    {
        if (observation.Length != ObservationSize || nextObservation.Length != ObservationSize)
            throw new ArgumentException($"Observations must have {ObservationSize} entries, got {observation.Length} and {nextObservation.Length}.");
        int i = _next;
        observation.CopyTo(_observations.AsSpan(i * ObservationSize, ObservationSize));
        nextObservation.CopyTo(_nextObservations.AsSpan(i * ObservationSize, ObservationSize));
        _actions[i] = action;
        _rewards[i] = reward;
        _terminated[i] = terminated;
        _horizons[i] = horizon;
        _next = i + 1 == Capacity ? 0 : i + 1;
        if (Count < Capacity) Count++;
        Added++;
        return i;
    }

    /// <summary>Forgets every transition (the arrays are kept).</summary>
    public void Clear()
    {
        _next = 0;
        Count = 0;
    }

    /// <summary>
    /// Writes the stored transitions and the ring's position (an agent's file keeps its buffer, so a resumed run draws
    /// the same minibatches). Observations stay float32: 100 000 CartPole transitions take under 5 MB.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Capacity);
        w.Write(ObservationSize);
        w.Write(Count);
        w.Write(_next);
        w.Write(Added);
        int floats = Count * ObservationSize;
        foreach (var x in _observations.AsSpan(0, floats)) w.Write(x);
        foreach (var x in _nextObservations.AsSpan(0, floats)) w.Write(x);
        foreach (var a in _actions.AsSpan(0, Count)) w.Write(a);
        foreach (var r in _rewards.AsSpan(0, Count)) w.Write(r);
        foreach (var t in _terminated.AsSpan(0, Count)) w.Write(t);
        foreach (var m in _horizons.AsSpan(0, Count)) w.Write(m);
    }

    /// <summary>Reads what <see cref="Write"/> wrote into a buffer of the same capacity and observation width.</summary>
    public void Read(BinaryReader r)
    {
        int capacity = r.ReadInt32(), width = r.ReadInt32(), count = r.ReadInt32(), next = r.ReadInt32();
        long added = r.ReadInt64();
        if (capacity != Capacity || width != ObservationSize)
            throw new InvalidDataException($"The saved replay buffer holds {capacity} transitions of width {width}; this one holds {Capacity} of width {ObservationSize}.");
        if (count < 0 || count > capacity || next < 0 || next >= capacity || added < count)
            throw new InvalidDataException($"The saved replay buffer is damaged ({count} stored, next slot {next}).");
        int floats = count * width;
        for (int i = 0; i < floats; i++) _observations[i] = r.ReadSingle();
        for (int i = 0; i < floats; i++) _nextObservations[i] = r.ReadSingle();
        for (int i = 0; i < count; i++) _actions[i] = r.ReadInt32();
        for (int i = 0; i < count; i++) _rewards[i] = r.ReadDouble();
        for (int i = 0; i < count; i++) _terminated[i] = r.ReadBoolean();
        for (int i = 0; i < count; i++) _horizons[i] = r.ReadInt32();
        (Count, _next, Added) = (count, next, added);
    }
}
