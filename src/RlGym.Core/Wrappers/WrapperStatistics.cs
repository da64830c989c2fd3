using RlGym.Core.Environments;

namespace RlGym.Core.Wrappers;

/// <summary>
/// The statistics of every <see cref="IFittedWrapper"/> in an environment's wrapper chain, outermost first, as bytes:
/// what a run saves beside an agent file, and what evaluation restores into an environment built the same way.
/// </summary>
public static class WrapperStatistics
{
    private const int Format = 1;

    /// <summary>The fitted wrappers of <paramref name="env"/>'s chain, outermost first (empty when there are none).</summary>
    public static IReadOnlyList<IFittedWrapper> Of(IEnv env)
    {
        var found = new List<IFittedWrapper>();
        for (IEnv? e = env; e is not null; e = (e as IWrapping)?.Wrapped)
            if (e is IFittedWrapper fitted) found.Add(fitted);
        return found;
    }

    /// <summary>The statistics of <paramref name="env"/>'s fitted wrappers, or null when it has none.</summary>
    public static byte[]? Save(IEnv env)
    {
        var fitted = Of(env);
        if (fitted.Count == 0) return null;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(fitted.Count);
            foreach (var f in fitted) f.WriteStatistics(writer);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Restores what <see cref="Save"/> returned into <paramref name="env"/>, whose chain must hold the same fitted
    /// wrappers, and sets their <see cref="IFittedWrapper.Fitting"/> to <paramref name="fitting"/>.
    /// </summary>
    public static void Restore(IEnv env, byte[] statistics, bool fitting)
    {
        var fitted = Of(env);
        using var reader = new BinaryReader(new MemoryStream(statistics, writable: false));
        int format = reader.ReadInt32();
        if (format != Format) throw new InvalidDataException($"the wrapper statistics are of format {format}, not {Format}");
        int count = reader.ReadInt32();
        if (count != fitted.Count)
            throw new InvalidDataException($"the statistics are of {count} fitted wrappers, but {env} has {fitted.Count}");
        foreach (var f in fitted)
        {
            f.ReadStatistics(reader);
            f.Fitting = fitting;
        }
        if (reader.BaseStream.Position != statistics.Length)
            throw new InvalidDataException($"the wrapper statistics have {statistics.Length - reader.BaseStream.Position} bytes left over");
    }
}
