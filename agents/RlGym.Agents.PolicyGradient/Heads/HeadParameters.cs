namespace RlGym.Agents.PolicyGradient;

/// <summary>Writes and reads the values of a head's own parameters (the Gaussian's ln σ; nothing for a categorical).</summary>
public static class HeadParameters
{
    /// <summary>Writes every value of <paramref name="head"/>'s parameters.</summary>
    public static void Write<TAct>(BinaryWriter writer, ActionHead<TAct> head) where TAct : notnull
    {
        foreach (var p in head.Parameters)
            foreach (var x in p.Values) writer.Write(x);
    }

    /// <summary>Reads what <see cref="Write{TAct}"/> wrote into <paramref name="head"/>'s parameters.</summary>
    public static void Read<TAct>(BinaryReader reader, ActionHead<TAct> head) where TAct : notnull
    {
        foreach (var p in head.Parameters)
        {
            var values = p.Values;
            for (int i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        }
    }
}
