using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Experience replay for continuous actions: a ring buffer of the last n transitions (s, a, r, s′, terminated) in
/// arrays allocated once. A truncated transition is stored like any other: its s′ is not terminal, so targets bootstrap
/// from it. <see cref="Save"/> writes every stored transition, so a resumed run samples exactly what it would have.
/// </summary>
public sealed class ReplayBuffer
{
    private const uint Magic = 0x42524343; // "CCRB" little-endian

    private readonly float[] _observations;
    private readonly float[] _nextObservations;
    private readonly float[] _actions;
    private readonly double[] _rewards;
    private readonly bool[] _terminated;
    private int _next;

    /// <summary>Allocates room for <paramref name="capacity"/> transitions.</summary>
    public ReplayBuffer(int capacity, int observationSize, int actionSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(actionSize, 1);
        if ((long)capacity * Math.Max(observationSize, actionSize) > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(capacity), "capacity × observation size exceeds the largest array");
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        _observations = new float[capacity * observationSize];
        _nextObservations = new float[capacity * observationSize];
        _actions = new float[capacity * actionSize];
        _rewards = new double[capacity];
        _terminated = new bool[capacity];
    }

    /// <summary>n, the most transitions kept.</summary>
    public int Capacity { get; }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Width of an action.</summary>
    public int ActionSize { get; }

    /// <summary>Transitions stored (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Stores a transition, overwriting the oldest when full; the arrays are copied.</summary>
    public void Add(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, double reward, ReadOnlySpan<float> nextObservation, bool terminated)
    {
        observation.CopyTo(_observations.AsSpan(_next * ObservationSize, ObservationSize));
        nextObservation.CopyTo(_nextObservations.AsSpan(_next * ObservationSize, ObservationSize));
        action.CopyTo(_actions.AsSpan(_next * ActionSize, ActionSize));
        _rewards[_next] = reward;
        _terminated[_next] = terminated;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>
    /// Draws <paramref name="indices"/>.Length transitions uniformly with replacement and writes them as batch rows:
    /// s into <paramref name="states"/>, s′ into <paramref name="nextStates"/>, a into the last
    /// <see cref="ActionSize"/> columns of <paramref name="stateActions"/> (whose first columns receive s, the critic's
    /// input [s, a]), r and terminated into the arrays.
    /// </summary>
    public void Sample(Rng rng, Span<int> indices, Matrix<double> states, Matrix<double> nextStates, Matrix<double> stateActions,
        Span<double> rewards, Span<bool> terminated)
    {
        if (Count == 0) throw new InvalidOperationException("The replay buffer is empty.");
        int d = ObservationSize, m = ActionSize;
        for (int k = 0; k < indices.Length; k++)
        {
            int i = rng.NextInt(Count);
            indices[k] = i;
            var s = _observations.AsSpan(i * d, d);
            states.CopyRowFrom(k, s);
            nextStates.CopyRowFrom(k, _nextObservations.AsSpan(i * d, d));
            var row = stateActions.AsColumnMajorArray();
            int rows = stateActions.RowCount;
            for (int j = 0; j < d; j++) row[j * rows + k] = s[j];
            for (int j = 0; j < m; j++) row[(d + j) * rows + k] = _actions[i * m + j];
            rewards[k] = _rewards[i];
            terminated[k] = _terminated[i];
        }
    }

    /// <summary>Writes the stored transitions and the write position.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(Capacity);
        writer.Write(ObservationSize);
        writer.Write(ActionSize);
        writer.Write(Count);
        writer.Write(_next);
        for (int i = 0; i < Count * ObservationSize; i++) writer.Write(_observations[i]);
        for (int i = 0; i < Count * ObservationSize; i++) writer.Write(_nextObservations[i]);
        for (int i = 0; i < Count * ActionSize; i++) writer.Write(_actions[i]);
        for (int i = 0; i < Count; i++) writer.Write(_rewards[i]);
        for (int i = 0; i < Count; i++) writer.Write(_terminated[i]);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; the shapes must match.</summary>
    public void Load(BinaryReader reader)
    {
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("The replay buffer's header is missing.");
        int capacity = reader.ReadInt32(), d = reader.ReadInt32(), m = reader.ReadInt32();
        if (capacity != Capacity || d != ObservationSize || m != ActionSize)
            throw new InvalidDataException(
                $"The saved replay buffer holds {capacity} transitions of widths {d} and {m}; this one holds {Capacity} of widths {ObservationSize} and {ActionSize}.");
        int count = reader.ReadInt32(), next = reader.ReadInt32();
        if (count < 0 || count > Capacity || next < 0 || next >= Capacity)
            throw new InvalidDataException($"The saved replay buffer's count {count} or position {next} is out of range.");
        for (int i = 0; i < count * d; i++) _observations[i] = reader.ReadSingle();
        for (int i = 0; i < count * d; i++) _nextObservations[i] = reader.ReadSingle();
        for (int i = 0; i < count * m; i++) _actions[i] = reader.ReadSingle();
        for (int i = 0; i < count; i++) _rewards[i] = reader.ReadDouble();
        for (int i = 0; i < count; i++) _terminated[i] = reader.ReadBoolean();
        Count = count;
        _next = next;
    }
}
