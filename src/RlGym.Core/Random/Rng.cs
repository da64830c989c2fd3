namespace RlGym.Core.Random;

/// <summary>
/// The project's seeded random generator: xoshiro256** seeded through SplitMix64.
/// Its whole state is four 64-bit words, so checkpoints can save and restore it exactly,
/// and the same seed gives the same stream on every machine and .NET version.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>Creates a generator from a seed.</summary>
    public Rng(long seed) => Reseed(seed);

    /// <summary>Creates a generator from a state saved with <see cref="GetState"/>.</summary>
    public Rng(RngState state) => SetState(state);

    /// <summary>Creates a generator seeded from the operating system's entropy, as Gymnasium does for a missing seed.</summary>
    public static Rng FromEntropy() => new(System.Random.Shared.NextInt64());

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    public void Reseed(long seed)
    {
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _hasSpareGaussian = false;
        _spareGaussian = 0;
    }

    /// <summary>Derives a new, independent generator (for a space or a sub-component) from this stream.</summary>
    public Rng Spawn() => new(unchecked((long)NextUInt64()));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>A uniform double in [low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A uniform integer in [0, n), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive.");
        ulong bound = (ulong)n;
        ulong x = NextUInt64() >> 32;
        ulong m = x * bound;
        ulong low = m & 0xFFFFFFFFUL;
        if (low < bound)
        {
            ulong threshold = (0x1_0000_0000UL - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64() >> 32;
                m = x * bound;
                low = m & 0xFFFFFFFFUL;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>A uniform integer in [low, high).</summary>
    public int NextInt(int low, int high) => low + NextInt(high - low);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>A standard normal sample (polar Box–Muller; the spare is kept, and saved with the state).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        _hasSpareGaussian = true;
        return u * f;
    }

    /// <summary>A sample from the exponential distribution with rate 1.</summary>
    public double NextExponential() => -Math.Log(1 - NextDouble());

    /// <summary>Samples an index from unnormalised non-negative weights.</summary>
    public int Categorical(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        double u = NextDouble() * total;
        double acc = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            acc += weights[i];
            if (u < acc) return i;
        }
        for (int i = weights.Length - 1; i >= 0; i--)
            if (weights[i] > 0) return i;
        return weights.Length - 1;
    }

    /// <summary>Shuffles a span in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The generator's complete state.</summary>
    public RngState GetState() => new(_s0, _s1, _s2, _s3, _hasSpareGaussian, _spareGaussian);

    /// <summary>Restores a state taken with <see cref="GetState"/>.</summary>
    public void SetState(RngState state)
    {
        if ((state.S0 | state.S1 | state.S2 | state.S3) == 0)
            throw new ArgumentException("An all-zero xoshiro state is invalid.", nameof(state));
        (_s0, _s1, _s2, _s3) = (state.S0, state.S1, state.S2, state.S3);
        _hasSpareGaussian = state.HasSpareGaussian;
        _spareGaussian = state.SpareGaussian;
    }
}

/// <summary>A snapshot of an <see cref="Rng"/>; plain data so checkpoints can serialise it.</summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3, bool HasSpareGaussian, double SpareGaussian)
{
    /// <summary>Writes the state in the one binary form every agent file and checkpoint uses (41 bytes).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(S0);
        writer.Write(S1);
        writer.Write(S2);
        writer.Write(S3);
        writer.Write(HasSpareGaussian);
        writer.Write(SpareGaussian);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static RngState Read(BinaryReader reader) =>
        new(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadBoolean(), reader.ReadDouble());
}
