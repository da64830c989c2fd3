using RlGym.Core.Random;

namespace RlGym.Agents.Search;

/// <summary>Writes and reads a generator's state (<see cref="RngState.Write"/>'s one binary form), so a saved player continues its random stream exactly.</summary>
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

    public static void Write(BinaryWriter w, Rng rng) => rng.GetState().Write(w);

    public static Rng Read(BinaryReader r) => new(RngState.Read(r));
}
