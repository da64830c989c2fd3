namespace RlGym.Training.Checkpoints;

/// <summary>
/// Writes the observations and actions a checkpoint keeps: integers and arrays of floats, doubles or integers,
/// the types of every space in Core.
/// </summary>
public static class ValueCodec
{
    private const byte IntTag = 1, LongTag = 2, FloatsTag = 3, DoublesTag = 4, IntsTag = 5, FloatTag = 6, DoubleTag = 7;

    /// <summary>True when <paramref name="type"/> can be written.</summary>
    public static bool Supports(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(float) || type == typeof(double)
        || type == typeof(float[]) || type == typeof(double[]) || type == typeof(int[]);

    /// <summary>The bytes of <paramref name="value"/>.</summary>
    public static byte[] Encode(object value)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            switch (value)
            {
                case int i: w.Write(IntTag); w.Write(i); break;
                case long l: w.Write(LongTag); w.Write(l); break;
                case float f: w.Write(FloatTag); w.Write(f); break;
                case double d: w.Write(DoubleTag); w.Write(d); break;
                case float[] fs: w.Write(FloatsTag); w.Write(fs.Length); foreach (var x in fs) w.Write(x); break;
                case double[] ds: w.Write(DoublesTag); w.Write(ds.Length); foreach (var x in ds) w.Write(x); break;
                case int[] xs: w.Write(IntsTag); w.Write(xs.Length); foreach (var x in xs) w.Write(x); break;
                default: throw new NotSupportedException($"a checkpoint cannot hold a value of type {value.GetType().Name}");
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    public static object Decode(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        byte tag = r.ReadByte();
        object value = tag switch
        {
            IntTag => r.ReadInt32(),
            LongTag => r.ReadInt64(),
            FloatTag => r.ReadSingle(),
            DoubleTag => r.ReadDouble(),
            FloatsTag => Array(r, static r => r.ReadSingle()),
            DoublesTag => Array(r, static r => r.ReadDouble()),
            IntsTag => Array(r, static r => r.ReadInt32()),
            _ => throw new InvalidDataException($"unknown value tag {tag}"),
        };
        if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException("value has bytes left over");
        return value;
    }

    private static T[] Array<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length) throw new InvalidDataException($"array length {n} is impossible");
        var a = new T[n];
        for (int i = 0; i < n; i++) a[i] = read(r);
        return a;
    }
}
