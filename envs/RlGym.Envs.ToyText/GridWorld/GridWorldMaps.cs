using RlGym.Core.Errors;

namespace RlGym.Envs.ToyText.GridWorld;

/// <summary>The maps shipped with <see cref="GridWorldEnv"/> (Maps/*.txt, embedded in the assembly).</summary>
public static class GridWorldMaps
{
    private const string Prefix = "RlGym.Envs.ToyText.Maps.";

    /// <summary>Names of the shipped maps, e.g. <c>open-5x5</c>, <c>four-rooms</c>, <c>maze-8x8</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(GridWorldMaps).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^4])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The text of the shipped map <paramref name="name"/>; an unknown name lists the shipped ones.</summary>
    public static string Load(string name)
    {
        using var stream = typeof(GridWorldMaps).Assembly.GetManifestResourceStream(Prefix + name + ".txt")
            ?? throw new UserInputException($"unknown GridWorld map '{name}'; shipped maps: {string.Join(", ", Names)}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
