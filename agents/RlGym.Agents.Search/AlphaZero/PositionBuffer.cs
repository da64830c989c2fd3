namespace RlGym.Agents.Search.AlphaZero;

/// <summary>
/// The most recent training positions of self-play (or of demonstrations): features s, the policy target π (visit
/// counts normalised, or a demonstrator's move as one-hot) and the value target z (the game's result for the player to
/// move). A ring over flat arrays: adding allocates nothing.
/// </summary>
public sealed class PositionBuffer
{
    private readonly float[] _features;
    private readonly float[] _policy;
    private readonly float[] _value;
    private int _next;

    /// <summary>A buffer of <paramref name="capacity"/> positions.</summary>
    public PositionBuffer(int capacity, int featureCount, int actionCount)
    {
        Capacity = capacity;
        FeatureCount = featureCount;
        ActionCount = actionCount;
        _features = new float[capacity * featureCount];
        _policy = new float[capacity * actionCount];
        _value = new float[capacity];
    }

    /// <summary>Positions the buffer holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Features per position.</summary>
    public int FeatureCount { get; }

    /// <summary>Actions per policy target.</summary>
    public int ActionCount { get; }

    /// <summary>Positions stored.</summary>
    public int Count { get; private set; }

    /// <summary>Stores a position, overwriting the oldest when full.</summary>
    public void Add(ReadOnlySpan<float> features, ReadOnlySpan<float> policy, float value)
    {
        features.CopyTo(_features.AsSpan(_next * FeatureCount, FeatureCount));
        policy.CopyTo(_policy.AsSpan(_next * ActionCount, ActionCount));
        _value[_next] = value;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
    }

    /// <summary>The features of position <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Features(int i) => _features.AsSpan(i * FeatureCount, FeatureCount);

    /// <summary>The policy target of position <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Policy(int i) => _policy.AsSpan(i * ActionCount, ActionCount);

    /// <summary>The value target of position <paramref name="i"/>.</summary>
    public float Value(int i) => _value[i];

    /// <summary>Forgets every position.</summary>
    public void Clear() => (Count, _next) = (0, 0);

    /// <summary>Writes the positions (versioned binary, left open).</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(Capacity); w.Write(FeatureCount); w.Write(ActionCount); w.Write(Count); w.Write(_next);
        for (int i = 0; i < Count * FeatureCount; i++) w.Write(_features[i]);
        for (int i = 0; i < Count * ActionCount; i++) w.Write(_policy[i]);
        for (int i = 0; i < Count; i++) w.Write(_value[i]);
    }

    /// <summary>Reads what <see cref="Save"/> wrote into a buffer of the same shape.</summary>
    public void Load(BinaryReader r)
    {
        int capacity = r.ReadInt32(), features = r.ReadInt32(), actions = r.ReadInt32();
        if (capacity != Capacity || features != FeatureCount || actions != ActionCount)
            throw new InvalidDataException($"The saved position buffer is {capacity}×{features}+{actions}; this one is {Capacity}×{FeatureCount}+{ActionCount}.");
        Count = r.ReadInt32();
        _next = r.ReadInt32();
        for (int i = 0; i < Count * FeatureCount; i++) _features[i] = r.ReadSingle();
        for (int i = 0; i < Count * ActionCount; i++) _policy[i] = r.ReadSingle();
        for (int i = 0; i < Count; i++) _value[i] = r.ReadSingle();
    }
}
