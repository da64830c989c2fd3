using RlGym.Core.Random;

namespace RlGym.Agents.Search;

/// <summary>Writes and reads a generator's state, so a saved player continues its random stream exactly.</summary>
internal static class RngFormat
{
    public static void Write(Stream stream, Rng rng)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        Write(w, rng);
    }

    public static Rng Read(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        return Read(r);
    }

    public static void Write(BinaryWriter w, Rng rng)
    {
        var s = rng.GetState();
        w.Write(s.S0); w.Write(s.S1); w.Write(s.S2); w.Write(s.S3);
        w.Write(s.HasSpareGaussian); w.Write(s.SpareGaussian);
    }

    public static Rng Read(BinaryReader r) =>
        new(new RngState(r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadBoolean(), r.ReadDouble()));
}
