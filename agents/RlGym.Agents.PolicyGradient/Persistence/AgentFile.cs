using System.Text;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The binary file of a policy-gradient agent: "RGPG", the format version, the agent's name, its options (as text,
/// for the reader's information), the generator's state, counters, then each network's weights and each optimizer's
/// state in length-prefixed sections. Loading checks everything (networks into copies first) before it changes the
/// agent, so a file that does not fit leaves the agent as it was.
/// </summary>
public static class AgentFile
{
    private const uint Magic = 0x47505247; // "RGPG" little-endian

    /// <summary>The version <see cref="Write"/> writes and the only one <see cref="Read"/> reads.</summary>
    public const int Version = 1;

    /// <summary>Writes an agent.</summary>
    public static void Write(Stream stream, string agent, IReadOnlyDictionary<string, string> options, Rng rng,
        ReadOnlySpan<long> counters, IReadOnlyList<Sequential> networks, IReadOnlyList<Optimizer> optimizers)
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
        var s = rng.GetState();
        w.Write(s.S0); w.Write(s.S1); w.Write(s.S2); w.Write(s.S3);
        w.Write(s.HasSpareGaussian);
        w.Write(s.SpareGaussian);
        w.Write(counters.Length);
        foreach (var c in counters) w.Write(c);
        w.Write(networks.Count);
        w.Write(optimizers.Count);
        foreach (var net in networks) Section(w, net.Save);
        foreach (var optimizer in optimizers) Section(w, optimizer.Save);
    }

    private static void Section(BinaryWriter w, Action<Stream> save)
    {
        using var buffer = new MemoryStream();
        save(buffer);
        w.Write(buffer.Length);
        w.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote into the agent's generator, counters, networks and optimizers.
    /// Throws <see cref="UserInputException"/> naming the problem when the file is not this agent's.
    /// </summary>
    public static void Read(Stream stream, string agent, Rng rng, Span<long> counters,
        IReadOnlyList<Sequential> networks, IReadOnlyList<Optimizer> optimizers)
    {
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            uint magic = r.ReadUInt32();
            if (magic != Magic) throw new UserInputException($"cannot load {agent}: the file is not a policy-gradient agent file");
            int version = r.ReadInt32();
            if (version != Version) throw new UserInputException($"cannot load {agent}: the file is version {version}; this build reads version {Version}");
            string name = r.ReadString();
            if (name != agent) throw new UserInputException($"cannot load {agent}: the file holds a '{name}' agent");
            int optionCount = r.ReadInt32();
            for (int i = 0; i < optionCount; i++) { r.ReadString(); r.ReadString(); }
            var state = new RngState(r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadBoolean(), r.ReadDouble());
            int counterCount = r.ReadInt32();
            if (counterCount != counters.Length) throw new UserInputException($"cannot load {agent}: the file has {counterCount} counters, expected {counters.Length}");
            var loadedCounters = new long[counterCount];
            for (int i = 0; i < counterCount; i++) loadedCounters[i] = r.ReadInt64();
            int netCount = r.ReadInt32(), optimizerCount = r.ReadInt32();
            if (netCount != networks.Count || optimizerCount != optimizers.Count)
                throw new UserInputException($"cannot load {agent}: the file has {netCount} networks and {optimizerCount} optimizers, expected {networks.Count} and {optimizers.Count}");
            var sections = new byte[netCount + optimizerCount][];
            for (int i = 0; i < sections.Length; i++) sections[i] = r.ReadBytes(checked((int)r.ReadInt64()));

            // Check every network on a copy before anything changes.
            for (int i = 0; i < netCount; i++) networks[i].Clone().Load(new MemoryStream(sections[i], writable: false));
            for (int i = 0; i < netCount; i++) networks[i].Load(new MemoryStream(sections[i], writable: false));
            for (int i = 0; i < optimizerCount; i++) optimizers[i].Load(new MemoryStream(sections[netCount + i], writable: false));
            rng.SetState(state);
            loadedCounters.CopyTo(counters);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or OverflowException)
        {
            throw new UserInputException($"cannot load {agent}: {e.Message}", e);
        }
    }
}
