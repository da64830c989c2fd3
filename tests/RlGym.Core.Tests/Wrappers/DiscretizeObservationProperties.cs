using FsCheck.Xunit;
using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class DiscretizeObservationProperties
{
    private static readonly DiscretizeObservation<int> Env = new(
        new ScriptedBoxEnv(new Box([-1f, float.NegativeInfinity, 0f], [1f, float.PositiveInfinity, 5f]), [0f, 0f, 0f]),
        [3, 4, 5], low: [double.NaN, -2, double.NaN], high: [double.NaN, 2, double.NaN]);

    [Property]
    public bool Every_finite_observation_has_an_index_in_the_space(float x, float v, float z)
    {
        if (!float.IsFinite(x) || !float.IsFinite(v) || !float.IsFinite(z)) return true;
        return Env.ObservationSpace.Contains(Env.Index([x, v, z]));
    }

    [Property]
    public bool The_index_grows_with_the_last_dimension(float x, float v, float z, float dz)
    {
        if (!float.IsFinite(x) || !float.IsFinite(v) || !float.IsFinite(z) || !float.IsFinite(dz) || !float.IsFinite(z + Math.Abs(dz))) return true;
        return Env.Index([x, v, z]) <= Env.Index([x, v, z + Math.Abs(dz)]);
    }

    [Property]
    public bool BinsOf_gives_back_the_bins_of_the_index(float x, float v, float z)
    {
        if (!float.IsFinite(x) || !float.IsFinite(v) || !float.IsFinite(z)) return true;
        Span<int> bins = stackalloc int[3];
        Env.BinsOf(Env.Index([x, v, z]), bins);
        static int Bin(double value, double low, double high, int n) => (int)Math.Clamp(Math.Floor((value - low) / (high - low) * n), 0, n - 1);
        return bins[0] == Bin(x, -1, 1, 3) && bins[1] == Bin(v, -2, 2, 4) && bins[2] == Bin(z, 0, 5, 5);
    }
}
