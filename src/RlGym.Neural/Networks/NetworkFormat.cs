namespace RlGym.Neural.Networks;

/// <summary>
/// The binary layout of saved weights: "RGNN", format version, parameter count, then per parameter its name,
/// rows, columns and values (column-major, little-endian doubles). Shapes are checked before anything is overwritten.
/// </summary>
internal static class NetworkFormat
{
    private const uint Magic = 0x4E4E4752; // "RGNN" little-endian
    private const int Version = 1;

    public static void Write(Stream stream, Sequential net)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(net.Parameters.Count);
        foreach (var p in net.Parameters)
        {
            writer.Write(p.Name);
            writer.Write(p.Rows);
            writer.Write(p.Columns);
            foreach (var v in p.Values) writer.Write(v);
        }
    }

    public static void Read(Stream stream, Sequential net)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        ReadHeader(reader, Magic, Version, "network weights");
        int count = reader.ReadInt32();
        if (count != net.Parameters.Count)
            throw new InvalidDataException($"The saved network has {count} parameters but this network has {net.Parameters.Count} ({net}).");
        var values = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var p = net.Parameters[i];
            string name = reader.ReadString();
            int rows = reader.ReadInt32(), columns = reader.ReadInt32();
            if (name != p.Name || rows != p.Rows || columns != p.Columns)
                throw new InvalidDataException($"Saved parameter {i} is {name} {rows}×{columns} but this network expects {p.Name} {p.Shape} ({net}).");
            values[i] = new double[rows * columns];
            for (int k = 0; k < values[i].Length; k++) values[i][k] = reader.ReadDouble();
        }
        for (int i = 0; i < count; i++) values[i].CopyTo(net.Parameters[i].Values);
    }

    internal static void ReadHeader(BinaryReader reader, uint magic, int version, string what)
    {
        uint found;
        try { found = reader.ReadUInt32(); }
        catch (EndOfStreamException) { throw new InvalidDataException($"The stream ended before the {what} header."); }
        if (found != magic)
            throw new InvalidDataException($"This is not a saved {what} file (magic 0x{found:X8}, expected 0x{magic:X8}).");
        int v = reader.ReadInt32();
        if (v != version)
            throw new InvalidDataException($"Saved {what} use format version {v}; this build reads version {version}.");
    }
}
