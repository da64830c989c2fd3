using System.Text.Json;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Search.Imitation;

/// <summary>
/// Demonstrated (state, action) pairs, read from the JSON Lines that <c>rlgym rollout</c> writes: a reset line
/// <c>{"episode":e,"step":0,"observation":o}</c>, then one line per step <c>{"episode":e,"step":t,"action":a,"observation":o',…}</c>.
/// The action of step t was taken in the observation of the line before it, so each step line gives one pair.
/// Observations are stored as the network's input: a Discrete observation one-hot, a Box observation as its floats.
/// </summary>
public sealed class Demonstrations
{
    private readonly float[][] _features;
    private readonly int[] _actions;

    private Demonstrations(float[][] features, int[] actions, int episodes)
    {
        _features = features;
        _actions = actions;
        Episodes = episodes;
    }

    /// <summary>Number of (state, action) pairs.</summary>
    public int Count => _actions.Length;

    /// <summary>Episodes the pairs came from.</summary>
    public int Episodes { get; }

    /// <summary>The input features of pair <paramref name="i"/>.</summary>
    public float[] Features(int i) => _features[i];

    /// <summary>The demonstrated action of pair <paramref name="i"/>.</summary>
    public int Action(int i) => _actions[i];

    /// <summary>Reads a file; a line that does not fit the spaces throws <see cref="UserInputException"/> naming it.</summary>
    public static Demonstrations Read(string path, Space observationSpace, int actionCount)
    {
        if (!File.Exists(path)) throw new UserInputException($"demonstrations file '{path}' does not exist");
        using var reader = new StreamReader(path);
        return Read(reader, observationSpace, actionCount, path);
    }

    /// <summary>Reads demonstrations from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static Demonstrations Read(TextReader reader, Space observationSpace, int actionCount, string source)
    {
        var features = new List<float[]>();
        var actions = new List<int>();
        float[]? previous = null;
        int previousEpisode = -1, episodes = 0, lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            string Where() => $"{source} line {lineNumber}";
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException) { throw new UserInputException($"{Where()} is not JSON; demonstrations are the JSON Lines 'rlgym rollout' writes"); }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("observation", out var observation))
                    throw new UserInputException($"{Where()} has no observation; demonstrations are the JSON Lines 'rlgym rollout' writes");
                int episode = root.TryGetProperty("episode", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int ep) ? ep : previousEpisode;
                var encoded = Encode(observation, observationSpace, Where);
                if (root.TryGetProperty("action", out var action))
                {
                    if (previous is null || episode != previousEpisode)
                        throw new UserInputException($"{Where()} is a step without the reset line of its episode before it");
                    if (action.ValueKind != JsonValueKind.Number || !action.TryGetInt32(out int a) || a < 0 || a >= actionCount)
                        throw new UserInputException($"{Where()}: action {action.GetRawText()} is not allowed; allowed: 0 to {actionCount - 1}");
                    features.Add(previous);
                    actions.Add(a);
                }
                else episodes++;
                previous = encoded;
                previousEpisode = episode;
            }
        }
        if (actions.Count == 0) throw new UserInputException($"{source} holds no steps; record some with 'rlgym rollout ID --policy plan|DIR -n N > {source}'");
        return new Demonstrations([.. features], [.. actions], episodes);
    }

    /// <summary>Length of the network input for <paramref name="observationSpace"/>.</summary>
    public static int FeatureCount(Space observationSpace) => observationSpace switch
    {
        Discrete d => d.N,
        Box b => b.Size,
        _ => throw new ArgumentException($"Behaviour cloning reads Discrete or Box observations, not {observationSpace}.", nameof(observationSpace)),
    };

    private static float[] Encode(JsonElement observation, Space space, Func<string> where)
    {
        switch (space)
        {
            case Discrete d when observation.ValueKind == JsonValueKind.Number && observation.TryGetInt32(out int s) && d.Contains(s):
                var oneHot = new float[d.N];
                oneHot[s - d.Start] = 1;
                return oneHot;
            case Box b when observation.ValueKind == JsonValueKind.Array:
                var values = new List<float>(b.Size);
                Flatten(observation, values);
                if (values.Count == b.Size && !values.Exists(float.IsNaN)) return [.. values];
                break;
        }
        throw new UserInputException($"{where()}: observation {Shorten(observation.GetRawText())} does not fit the environment's {space}");
    }

    private static void Flatten(JsonElement e, List<float> values)
    {
        if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray()) Flatten(item, values);
        else if (e.ValueKind == JsonValueKind.Number) values.Add(e.GetSingle());
        else values.Add(float.NaN);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
