namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// One episode's (s_t, a_t, r_t) and its discounted returns u_t, for the Monte Carlo agents. An action is stored as
/// <c>actionWidth</c> doubles (an index, or a Gaussian sample before clipping). Arrays grow by doubling up to the
/// longest episode seen, so once that length has been met adding allocates nothing.
/// </summary>
public sealed class EpisodeBuffer
{
    private readonly int _observationSize;
    private readonly int _actionWidth;
    private float[] _observations;
    private double[] _actions;
    private double[] _rewards;
    private double[] _returns;

    /// <summary>Creates a buffer for observations of <paramref name="observationSize"/> floats and actions of <paramref name="actionWidth"/> doubles.</summary>
    public EpisodeBuffer(int observationSize, int actionWidth = 1, int capacity = 512)
    {
        _observationSize = observationSize;
        _actionWidth = actionWidth;
        _observations = new float[capacity * observationSize];
        _actions = new double[capacity * actionWidth];
        _rewards = new double[capacity];
        _returns = new double[capacity];
    }

    /// <summary>Steps stored, n.</summary>
    public int Count { get; private set; }

    /// <summary>Appends (s_t, a_t, r_t); the observation is copied.</summary>
    public void Add(ReadOnlySpan<float> observation, ReadOnlySpan<double> action, double reward)
    {
        if (Count == _rewards.Length) Grow();
        observation.CopyTo(_observations.AsSpan(Count * _observationSize, _observationSize));
        action.CopyTo(_actions.AsSpan(Count * _actionWidth, _actionWidth));
        _rewards[Count] = reward;
        Count++;
    }

    /// <summary>s_t.</summary>
    public ReadOnlySpan<float> Observation(int t) => _observations.AsSpan(t * _observationSize, _observationSize);

    /// <summary>a_t, <see cref="ActionWidth"/> doubles.</summary>
    public ReadOnlySpan<double> Action(int t) => _actions.AsSpan(t * _actionWidth, _actionWidth);

    /// <summary>Doubles per action.</summary>
    public int ActionWidth => _actionWidth;

    /// <summary>r_0 … r_{n−1}.</summary>
    public ReadOnlySpan<double> Rewards => _rewards.AsSpan(0, Count);

    /// <summary>u_0 … u_{n−1}, as the last <see cref="ComputeReturns"/> left them (callers may overwrite them).</summary>
    public Span<double> Returns => _returns.AsSpan(0, Count);

    /// <summary>u_t = Σ_{k≥t} γ^{k−t} r_k, computed backwards as u_t = r_t + γ u_{t+1} from <paramref name="tail"/> after the last step (0 at a terminal state).</summary>
    public Span<double> ComputeReturns(double gamma, double tail = 0)
    {
        double u = tail;
        for (int t = Count - 1; t >= 0; t--)
        {
            u = _rewards[t] + gamma * u;
            _returns[t] = u;
        }
        return Returns;
    }

    /// <summary>Forgets the episode (keeps the arrays).</summary>
    public void Clear() => Count = 0;

    /// <summary>Writes the steps held (an agent's file keeps unfinished episodes).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        foreach (var x in _observations.AsSpan(0, Count * _observationSize)) writer.Write(x);
        foreach (var a in _actions.AsSpan(0, Count * _actionWidth)) writer.Write(a);
        foreach (var r in Rewards) writer.Write(r);
    }

    /// <summary>Replaces the steps held by those <see cref="Write(BinaryWriter)"/> wrote.</summary>
    public void Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        long bytes = (long)count * (_observationSize * sizeof(float) + _actionWidth * sizeof(double) + sizeof(double));
        if (count < 0 || (reader.BaseStream.CanSeek && bytes > reader.BaseStream.Length - reader.BaseStream.Position))
            throw new InvalidDataException($"The file is damaged: an episode of {count} steps does not fit in it.");
        Clear();
        while (_rewards.Length < count) Grow();
        for (int i = 0; i < count * _observationSize; i++) _observations[i] = reader.ReadSingle();
        for (int i = 0; i < count * _actionWidth; i++) _actions[i] = reader.ReadDouble();
        for (int t = 0; t < count; t++) _rewards[t] = reader.ReadDouble();
        Count = count;
    }

    /// <summary>Writes every copy's episode.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyList<EpisodeBuffer> episodes)
    {
        writer.Write(episodes.Count);
        foreach (var episode in episodes) episode.Write(writer);
    }

    /// <summary>Replaces <paramref name="episodes"/> by every copy's episode that <see cref="Write(BinaryWriter, IReadOnlyList{EpisodeBuffer})"/> wrote.</summary>
    public static void Read(BinaryReader reader, List<EpisodeBuffer> episodes, int observationSize, int actionWidth)
    {
        int copies = reader.ReadInt32();
        if (copies < 0 || copies > 1 << 20) throw new InvalidDataException($"{copies} environment copies is not possible.");
        episodes.Clear();
        for (int k = 0; k < copies; k++)
        {
            var episode = new EpisodeBuffer(observationSize, actionWidth);
            episode.Read(reader);
            episodes.Add(episode);
        }
    }

    private void Grow()
    {
        int capacity = _rewards.Length * 2;
        Array.Resize(ref _observations, capacity * _observationSize);
        Array.Resize(ref _actions, capacity * _actionWidth);
        Array.Resize(ref _rewards, capacity);
        Array.Resize(ref _returns, capacity);
    }
}
