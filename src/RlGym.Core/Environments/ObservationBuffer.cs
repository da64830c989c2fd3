namespace RlGym.Core.Environments;

/// <summary>
/// Two alternating observation arrays: each <see cref="Next"/> hands out the one not returned last time, so the
/// previous observation stays valid while the new one is written, and stepping allocates nothing.
/// </summary>
public sealed class ObservationBuffer
{
    private readonly float[] _a;
    private readonly float[] _b;
    private bool _useB;

    /// <summary>Creates the two arrays of <paramref name="size"/> elements.</summary>
    public ObservationBuffer(int size)
    {
        _a = new float[size];
        _b = new float[size];
    }

    /// <summary>The array to write the next observation into.</summary>
    public float[] Next()
    {
        _useB = !_useB;
        return _useB ? _b : _a;
    }

    /// <summary>The array handed out last.</summary>
    public float[] Current => _useB ? _b : _a;
}
