using System.Diagnostics;
using RlGym.Core.Environments;
using RlGym.Core.Registration;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Adds up each episode's reward and length, as Gymnasium's <c>RecordEpisodeStatistics</c>. At the step that ends an
/// episode (terminated or truncated) the info gets <see cref="InfoKey"/> → <see cref="EpisodeStatistics"/>, and the
/// return, length and duration join bounded queues of the last <see cref="BufferLength"/> episodes.
/// Steps that do not end an episode pass the inner info through and allocate nothing.
/// </summary>
public sealed class RecordEpisodeStatistics<TObs, TAct> : Wrapper<TObs, TAct> where TObs : notnull where TAct : notnull
{
    /// <summary>The info key Gymnasium uses.</summary>
    public const string InfoKey = "episode";

    private readonly Queue<double> _returns;
    private readonly Queue<int> _lengths;
    private readonly Queue<double> _seconds;
    private double _return;
    private int _length;
    private long _startTimestamp;

    /// <summary>Wraps <paramref name="inner"/>, keeping the statistics of the last <paramref name="bufferLength"/> episodes.</summary>
    public RecordEpisodeStatistics(IEnv<TObs, TAct> inner, int bufferLength = 100) : base(inner)
    {
        if (bufferLength <= 0) throw new ArgumentOutOfRangeException(nameof(bufferLength), bufferLength, "must be positive");
        BufferLength = bufferLength;
        _returns = new Queue<double>(bufferLength);
        _lengths = new Queue<int>(bufferLength);
        _seconds = new Queue<double>(bufferLength);
    }

    /// <summary>How many finished episodes the queues keep (Gymnasium's <c>buffer_length</c>, its old <c>deque_size</c>).</summary>
    public int BufferLength { get; }

    /// <summary>Returns of the last finished episodes, oldest first.</summary>
    public IReadOnlyCollection<double> ReturnQueue => _returns;

    /// <summary>Lengths of the last finished episodes, oldest first.</summary>
    public IReadOnlyCollection<int> LengthQueue => _lengths;

    /// <summary>Durations in seconds of the last finished episodes, oldest first.</summary>
    public IReadOnlyCollection<double> TimeQueue => _seconds;

    /// <summary>Episodes finished since the wrapper was made.</summary>
    public int EpisodeCount { get; private set; }

    /// <summary>The return accumulated so far in the current episode.</summary>
    public double CurrentReturn => _return;

    /// <summary>Steps taken so far in the current episode.</summary>
    public int CurrentLength => _length;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        var r = Inner.Reset(seed, options);
        _return = 0;
        _length = 0;
        _startTimestamp = Stopwatch.GetTimestamp();
        return r;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var r = StepInner(action);
        _return += r.Reward;
        _length++;
        if (!r.Terminated && !r.Truncated) return r;

        var stats = new EpisodeStatistics(_return, _length, Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds);
        Push(_returns, stats.Return);
        Push(_lengths, stats.Length);
        Push(_seconds, stats.Seconds);
        EpisodeCount++;
        return r with { Info = Info.With(r.Info, InfoKey, stats) };
    }

    private void Push<T>(Queue<T> queue, T value)
    {
        // Dequeue before enqueue keeps the queue at its initial capacity, so it never grows.
        if (queue.Count == BufferLength) queue.Dequeue();
        queue.Enqueue(value);
    }

    /// <inheritdoc />
    /// <remarks>Episode times are wall-clock: the current episode's clock restarts on restore.</remarks>
    public override void WriteState(BinaryWriter writer)
    {
        base.WriteState(writer);
        writer.Write(_return);
        writer.Write(_length);
        writer.Write(EpisodeCount);
        writer.Write(_returns.Count);
        foreach (var r in _returns) writer.Write(r);
        foreach (var l in _lengths) writer.Write(l);
        foreach (var t in _seconds) writer.Write(t);
    }

    /// <inheritdoc />
    public override void ReadState(BinaryReader reader)
    {
        base.ReadState(reader);
        _return = reader.ReadDouble();
        _length = reader.ReadInt32();
        EpisodeCount = reader.ReadInt32();
        int n = reader.ReadInt32();
        _returns.Clear();
        _lengths.Clear();
        _seconds.Clear();
        for (int i = 0; i < n; i++) _returns.Enqueue(reader.ReadDouble());
        for (int i = 0; i < n; i++) _lengths.Enqueue(reader.ReadInt32());
        for (int i = 0; i < n; i++) _seconds.Enqueue(reader.ReadDouble());
        _startTimestamp = Stopwatch.GetTimestamp();
    }
}
