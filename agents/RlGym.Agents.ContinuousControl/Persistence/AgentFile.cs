using RlGym.Core.Random;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// The header every continuous-control agent file starts with: a magic number per agent kind, the format version, the
/// agent's name and the widths that fix the networks' shapes. A file of another agent or shape is refused with one
/// line naming the mismatch.
/// </summary>
internal static class AgentFile
{
    public const int Version = 2;

    public static void WriteHeader(BinaryWriter writer, uint magic, string name, int observationSize, int actionSize, int[] hidden)
    {
        writer.Write(magic);
        writer.Write(Version);
        writer.Write(name);
        writer.Write(observationSize);
        writer.Write(actionSize);
        writer.Write(hidden.Length);
        foreach (int h in hidden) writer.Write(h);
    }

    public static void ReadHeader(BinaryReader reader, uint magic, string kind, string name, int observationSize, int actionSize, int[] hidden)
    {
        uint found;
        try { found = reader.ReadUInt32(); }
        catch (EndOfStreamException) { throw new InvalidDataException($"The stream ended before the {kind} header."); }
        if (found != magic) throw new InvalidDataException($"This is not a saved {kind} agent (magic 0x{found:X8}, expected 0x{magic:X8}).");
        int version = reader.ReadInt32();
        if (version != Version) throw new InvalidDataException($"Saved {kind} agents use format version {version}; this build reads version {Version}.");
        string saved = reader.ReadString();
        int d = reader.ReadInt32(), m = reader.ReadInt32();
        var h = new int[reader.ReadInt32()];
        for (int i = 0; i < h.Length; i++) h[i] = reader.ReadInt32();
        if (d != observationSize || m != actionSize || !h.AsSpan().SequenceEqual(hidden))
            throw new InvalidDataException(
                $"The saved {saved} has observations of width {d}, actions of width {m} and hidden layers [{string.Join(",", h)}]; this {name} has {observationSize}, {actionSize} and [{string.Join(",", hidden)}].");
    }

    public static void WriteRng(BinaryWriter writer, Rng rng) => rng.GetState().Write(writer);

    public static void ReadRng(BinaryReader reader, Rng rng) => rng.SetState(RngState.Read(reader));
}
