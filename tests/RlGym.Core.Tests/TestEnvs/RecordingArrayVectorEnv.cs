using System.Collections.Concurrent;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Vector;

namespace RlGym.Core.Tests.TestEnvs;

/// <summary>
/// A structure-of-arrays vector env whose copies count their steps in a per-copy state array, and which records the
/// thread that advanced each range; on a step with <see cref="Delays"/> set, the range starting at a given copy sleeps
/// that long first.
/// </summary>
public sealed class RecordingArrayVectorEnv : ArrayVectorEnv<int>
{
    private readonly double[] _count;

    /// <summary>Creates the copies <paramref name="settings"/> describes.</summary>
    public RecordingArrayVectorEnv(VectorEnvSettings settings)
        : base(new Box(0f, float.MaxValue, 1), new Discrete(2), settings) => _count = PerCopyArray<double>();

    /// <summary>Milliseconds to sleep before advancing the range that starts at the key; empty for no delay.</summary>
    public IReadOnlyDictionary<int, int> Delays { get; set; } = new Dictionary<int, int>();

    /// <summary>The managed thread id that advanced each range on the last step, by the range's first copy.</summary>
    public ConcurrentDictionary<int, int> AdvancedBy { get; } = new();

    /// <summary>Elements in the per-copy state array.</summary>
    public int StateLength => _count.Length;

    /// <summary>Where copy <paramref name="i"/> sits in the per-copy state array.</summary>
    public int StateIndex(int i) => i + Offset<double>(i);

    /// <summary>Whether the range starting at copy <paramref name="from"/> is stepped from its last copy down.</summary>
    public bool Downward(int from) => SteppedDownward(from);

    /// <inheritdoc />
    protected override void Advance(int from, int to, ReadOnlySpan<int> actions)
    {
        if (Delays.TryGetValue(from, out int ms)) Thread.Sleep(ms);
        AdvancedBy[from] = Environment.CurrentManagedThreadId;
        int offset = Offset<double>(from);
        for (int i = from; i < to; i++)
        {
            _count[i + offset] += 1;
            Rewards[i] = actions[i];
            Terminated[i] = false;
        }
    }

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options) => _count[StateIndex(i)] = 0;

    /// <inheritdoc />
    protected override void Observe(int from, int to, float[] batch)
    {
        int offset = Offset<double>(from);
        for (int i = from; i < to; i++) batch[i] = (float)_count[i + offset];
    }
}
