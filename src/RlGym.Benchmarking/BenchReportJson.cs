using System.Text.Json;
using System.Text.Json.Serialization;

namespace RlGym.Benchmarking;

/// <summary>The JSON form of a <see cref="BenchReport"/>: snake_case names, nulls kept (a missing figure is explicit).</summary>
public static class BenchReportJson
{
    /// <summary>The serializer options used both ways.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented JSON.</summary>
    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="Serialize"/>.</summary>
    public static BenchReport Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Options) ?? throw new JsonException("the bench report is empty");
}
