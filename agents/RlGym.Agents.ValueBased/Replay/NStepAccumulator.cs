namespace RlGym.Agents.ValueBased;

/// <summary>
/// Turns one-step transitions into m-step ones before they enter the replay buffer: once m steps are pending, the
/// oldest leaves as (s_t, a_t, Σ_{i&lt;m} γ^i r_{t+i}, s_{t+m}, terminated, m). When the episode ends every pending
/// step leaves with the rewards up to the end and the last s′: after termination none of them bootstraps, after
/// truncation each bootstraps from the last s′ with γ to the number of rewards it summed. m = 1 is plain replay.
/// The pending steps live in arrays allocated once.
/// </summary>
public sealed class NStepAccumulator
{
    private readonly ReplayBuffer _buffer;
    private readonly IReplaySampling _sampling;
    private readonly float[] _observations;
    private readonly int[] _actions;
    private readonly double[] _rewards;
    private readonly double _gamma;
    private readonly int _d;
    private int _oldest;

    /// <summary>Creates an accumulator of <paramref name="steps"/> = m feeding <paramref name="buffer"/>.</summary>
    public NStepAccumulator(int steps, double gamma, ReplayBuffer buffer, IReplaySampling sampling)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        Steps = steps;
        _gamma = gamma;
        _buffer = buffer;
        _sampling = sampling;
        _d = buffer.ObservationSize;
        _observations = new float[steps * _d];
        _actions = new int[steps];
        _rewards = new double[steps];
    }

    /// <summary>m.</summary>
    public int Steps { get; }

    /// <summary>Steps waiting for their m-step return.</summary>
    public int Pending { get; private set; }

    /// <summary>Adds (s_t, a_t, r_t) with its s_{t+1}; emits whatever is complete into the buffer.</summary>
    public void Add(ReadOnlySpan<float> observation, int action, double reward, ReadOnlySpan<float> nextObservation,
        bool terminated, bool truncated)
    {
        int slot = (_oldest + Pending) % Steps;
        observation.CopyTo(_observations.AsSpan(slot * _d, _d));
        _actions[slot] = action;
        _rewards[slot] = reward;
        Pending++;
        if (terminated || truncated)
        {
            while (Pending > 0) Emit(nextObservation, terminated);
        }
        else if (Pending == Steps)
        {
            Emit(nextObservation, terminated: false);
        }
    }

    /// <summary>Drops pending steps without storing them.</summary>
    public void Clear()
    {
        Pending = 0;
        _oldest = 0;
    }

    /// <summary>Writes the pending steps (an agent's file keeps every copy's unfinished m-step window).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Pending);
        for (int i = 0; i < Pending; i++)
        {
            int slot = (_oldest + i) % Steps;
            foreach (var x in _observations.AsSpan(slot * _d, _d)) w.Write(x);
            w.Write(_actions[slot]);
            w.Write(_rewards[slot]);
        }
    }

    /// <summary>Replaces the pending steps by those <see cref="Write"/> wrote.</summary>
    public void Read(BinaryReader r)
    {
        int pending = r.ReadInt32();
        if (pending < 0 || pending >= Steps)
            throw new InvalidDataException($"The saved m-step window holds {pending} steps; m = {Steps} leaves at most {Steps - 1} waiting.");
        for (int slot = 0; slot < pending; slot++)
        {
            for (int j = 0; j < _d; j++) _observations[slot * _d + j] = r.ReadSingle();
            _actions[slot] = r.ReadInt32();
            _rewards[slot] = r.ReadDouble();
        }
        (_oldest, Pending) = (0, pending);
    }

    // y's reward part: Σ_{i<k} γ^i r_{t+i}, k = the pending count; the target adds γ^k max_a Q(s′, a; w⁻) unless terminated.
    private void Emit(ReadOnlySpan<float> lastNextObservation, bool terminated)
    {
        double sum = 0, discount = 1;
        for (int i = 0; i < Pending; i++)
        {
            sum += discount * _rewards[(_oldest + i) % Steps];
            discount *= _gamma;
        }
        int index = _buffer.Add(_observations.AsSpan(_oldest * _d, _d), _actions[_oldest], sum, lastNextObservation, terminated, Pending);
        _sampling.Added(index);
        _oldest = (_oldest + 1) % Steps;
        Pending--;
    }
}
