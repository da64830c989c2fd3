using RlGym.Core.Environments;

namespace RlGym.Core.Vector;

/// <summary>
/// Steps K copies one after another on the calling thread, as Gymnasium's <c>SyncVectorEnv</c>.
/// The reference for <see cref="ParallelVectorEnv{TAct}"/>, which gives the same numbers bit for bit.
/// </summary>
public sealed class SyncVectorEnv<TAct> : VectorEnv<TAct> where TAct : notnull
{
    /// <summary>Steps the given copies (owned from now on).</summary>
    public SyncVectorEnv(IEnumerable<IEnv<float[], TAct>> envs, AutoresetMode autoresetMode = AutoresetMode.NextStep)
        : base(envs, autoresetMode) { }

    /// <summary>Makes <paramref name="count"/> copies with <paramref name="make"/> (called with 0..count−1).</summary>
    public SyncVectorEnv(int count, Func<int, IEnv<float[], TAct>> make, AutoresetMode autoresetMode = AutoresetMode.NextStep)
        : base(Copies(count, make), autoresetMode) { }

    internal static IEnumerable<IEnv<float[], TAct>> Copies(int count, Func<int, IEnv<float[], TAct>> make)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        return Enumerable.Range(0, count).Select(make).ToArray();
    }

    /// <inheritdoc />
    protected override void StepAll() => StepRange(0, Count);
}
