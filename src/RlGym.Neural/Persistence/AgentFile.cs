using System.Text;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Neural.Persistence;

/// <summary>
/// The one binary file of every network agent: "RGPG", the format version, the agent's name, its options (as text,
/// for the reader's information), the generator's state (<see cref="RngState.Write"/>), counters, each network's
/// weights and each optimizer's state in length-prefixed sections, then one length-prefixed section of the agent's own
/// state: what it carries between steps (unfinished episodes and rollouts of every environment copy, a replay buffer),
/// so a run saved at any step continues exactly. Loading checks the header and every network (on copies) before it
/// changes the agent; a file that does not fit is refused with one line naming what is wrong.
/// </summary>
public static class AgentFile
{
    private const uint Magic = 0x47505247; // "RGPG" little-endian

    /// <summary>The version <see cref="Write"/> writes and the only one <see cref="Read"/> reads.</summary>
    public const int Version = 2;

    /// <summary>Writes an agent; <paramref name="writeState"/> writes the agent's own state section (nothing when null).</summary>
    public static void Write(Stream stream, string agent, IReadOnlyDictionary<string, string> options, Rng rng,
        ReadOnlySpan<long> counters, IReadOnlyList<Sequential> networks, IReadOnlyList<Optimizer> optimizers,
        Action<BinaryWriter>? writeState = null)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(agent);
        w.Write(options.Count);
        foreach (var (key, value) in options)
        {
            w.Write(key);
            w.Write(value);
        }
        rng.GetState().Write(w);
        w.Write(counters.Length);
        foreach (var c in counters) w.Write(c);
        w.Write(networks.Count);
        w.Write(optimizers.Count);
        foreach (var net in networks) Section(w, net.Save);
        foreach (var optimizer in optimizers) Section(w, optimizer.Save);
        Section(w, s =>
        {
            if (writeState is null) return;
            using var sw = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
            writeState(sw);
        });
    }

    private static void Section(BinaryWriter w, Action<Stream> save)
    {
        using var buffer = new MemoryStream();
        save(buffer);
        w.Write(buffer.Length);
        w.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote into the agent's generator, counters, networks and optimizers, and hands
    /// the agent's own state section to <paramref name="readState"/> (called once the networks are known to fit, before
    /// they change). Throws <see cref="UserInputException"/> naming the problem when the file is not this agent's or
    /// is damaged.
    /// </summary>
    public static void Read(Stream stream, string agent, Rng rng, Span<long> counters,
        IReadOnlyList<Sequential> networks, IReadOnlyList<Optimizer> optimizers, Action<BinaryReader>? readState = null)
    {
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            uint magic = r.ReadUInt32();
            if (magic != Magic) throw new UserInputException($"cannot load {agent}: the file is not an RlGym network agent file");
            int version = r.ReadInt32();
            if (version != Version) throw new UserInputException($"cannot load {agent}: the file is version {version}; this build reads version {Version}");
            string name = r.ReadString();
            if (name != agent) throw new UserInputException($"cannot load {agent}: the file holds a '{name}' agent");
            int optionCount = r.ReadInt32();
            for (int i = 0; i < optionCount; i++) { r.ReadString(); r.ReadString(); }
            var state = RngState.Read(r);
            int counterCount = r.ReadInt32();
            if (counterCount != counters.Length) throw new UserInputException($"cannot load {agent}: the file has {counterCount} counters, expected {counters.Length}");
            var loadedCounters = new long[counterCount];
            for (int i = 0; i < counterCount; i++) loadedCounters[i] = r.ReadInt64();
            int netCount = r.ReadInt32(), optimizerCount = r.ReadInt32();
            if (netCount != networks.Count || optimizerCount != optimizers.Count)
                throw new UserInputException($"cannot load {agent}: the file has {netCount} networks and {optimizerCount} optimizers, expected {networks.Count} and {optimizers.Count}");
            var sections = new byte[netCount + optimizerCount + 1][];
            for (int i = 0; i < sections.Length; i++) sections[i] = ReadSection(r);

            // Check every network on a copy before anything changes.
            for (int i = 0; i < netCount; i++) networks[i].Clone().Load(new MemoryStream(sections[i], writable: false));
            if (readState is not null)
            {
                using var sr = new BinaryReader(new MemoryStream(sections[^1], writable: false), Encoding.UTF8);
                readState(sr);
            }
            for (int i = 0; i < netCount; i++) networks[i].Load(new MemoryStream(sections[i], writable: false));
            for (int i = 0; i < optimizerCount; i++) optimizers[i].Load(new MemoryStream(sections[netCount + i], writable: false));
            rng.SetState(state);
            loadedCounters.CopyTo(counters);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or OverflowException
                                      or InvalidOperationException or IndexOutOfRangeException or IOException)
        {
            throw new UserInputException($"cannot load {agent}: {e.Message}", e);
        }
    }

    private static byte[] ReadSection(BinaryReader r)
    {
        long length = r.ReadInt64();
        if (length < 0 || length > int.MaxValue || (r.BaseStream.CanSeek && length > r.BaseStream.Length - r.BaseStream.Position))
            throw new InvalidDataException($"The file is damaged: a section claims {length} bytes and fewer are left.");
        return r.ReadBytes((int)length);
    }
}
