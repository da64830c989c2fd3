using System.Text.Json;
using System.Text.Json.Serialization;
using RlGym.Core.Errors;

namespace RlGym.Training.Experiments;

/// <summary>One curve of an experiment: a label and its points.</summary>
public sealed record ExperimentSeries(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("x")] double[] X,
    [property: JsonPropertyName("y")] double[] Y);

/// <summary>
/// What an experiment produced, saved as <c>{"experiment": NAME, "series": [{"label": ..., "x": [...], "y": [...]}],
/// "notes": "..."}</c>. <see cref="Notes"/> carries the book's numbers to compare with (e.g. "S&amp;B Fig. 6.4:
/// Sarsa ≈ −25, Q-learning ≈ −50 per episode").
/// </summary>
public sealed record ExperimentResult(
    [property: JsonPropertyName("experiment")] string Name,
    [property: JsonPropertyName("series")] IReadOnlyList<ExperimentSeries> Series,
    [property: JsonPropertyName("notes")] string Notes = "")
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// The mean learning curve of each agent of a comparison as a series (x = episode from 1), for experiments that
    /// compare agents; the confidence bands stay in the <see cref="Comparisons.ComparisonResult"/>.
    /// </summary>
    public static ExperimentResult FromComparison(string name, Comparisons.ComparisonResult comparison, string notes = "") =>
        new(name, comparison.Agents.Select(a => new ExperimentSeries(a.Label,
            Enumerable.Range(1, a.MeanCurve.Length).Select(i => (double)i).ToArray(), a.MeanCurve)).ToArray(), notes);

    /// <summary>The result as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the JSON to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");

    /// <summary>Parses JSON written by <see cref="ToJson"/>.</summary>
    public static ExperimentResult FromJson(string json, string source = "experiment.json")
    {
        try
        {
            var r = JsonSerializer.Deserialize<ExperimentResult>(json, Json) ?? throw new JsonException("null");
            foreach (var s in r.Series)
                if (s.X.Length != s.Y.Length) throw new UserInputException($"'{source}': series '{s.Label}' has {s.X.Length} x and {s.Y.Length} y values");
            return r;
        }
        catch (JsonException e)
        {
            throw new UserInputException($"'{source}' is not an experiment result: {e.Message.Split(". Path:")[0]}", e);
        }
    }

    /// <summary>Reads a result file.</summary>
    public static ExperimentResult Load(string path) =>
        File.Exists(path) ? FromJson(File.ReadAllText(path), path) : throw new UserInputException($"experiment result '{path}' does not exist");
}
