using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RlGym.Training.Comparisons;

namespace RlGym.Sweeps.Results;

/// <summary>
/// The results as JSON: <c>{"env":…,"trials":[{"id":…,"agent":…,"settings":{…},"seed":…,"final_return":…,"auc":…,
/// "status":"done"}],"configurations":[…],"best":{…}}</c>. Nothing in it depends on timing or on where trials ran,
/// so the same sweep gives the same text, interrupted or not, on one machine or on a cluster.
/// </summary>
public static partial class SweepResultJson
{
    /// <summary>Writes the results as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, SweepResult result)
    {
        var file = result.Plan.File;
        json.WriteStartObject();
        json.WriteString("env", file.Env);
        if (file.Episodes is { } e) json.WriteNumber("episodes", e);
        else json.WriteNumber("steps", file.Steps!.Value);
        json.WriteNumber("seeds", file.Seeds.Count);
        json.WriteStartArray("trials");
        foreach (var t in result.Trials)
        {
            json.WriteStartObject();
            json.WriteString("id", t.Id);
            json.WriteString("agent", t.Configuration.Agent);
            WriteSettings(json, t.Configuration.Settings);
            json.WriteNumber("seed", t.Seed);
            json.WriteNumber("rung", t.Rung);
            json.WriteNumber("episodes", t.Outcome.Episodes);
            json.WriteNumber("steps", t.Outcome.TotalSteps);
            Number(json, "final_return", t.Outcome.FinalReturn);
            Number(json, "auc", t.Outcome.Auc);
            json.WriteString("status", t.Status);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("configurations");
        foreach (var c in result.Configurations) WriteSummary(json, null, c);
        json.WriteEndArray();
        WriteSummary(json, "best", result.Best);
        json.WriteEndObject();
    }

    /// <summary>The results as indented JSON text.</summary>
    public static string ToText(SweepResult result, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
            Write(json, result);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSummary(Utf8JsonWriter json, string? name, ConfigurationSummary s)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        json.WriteString("agent", s.Configuration.Agent);
        WriteSettings(json, s.Configuration.Settings);
        json.WriteNumber("rung", s.Rung);
        json.WriteNumber("budget", s.Budget);
        WriteInterval(json, "final_return", s.FinalReturn);
        WriteInterval(json, "auc", s.Auc);
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        json.WriteStartObject("settings");
        foreach (var (k, v) in settings)
        {
            json.WritePropertyName(k);
            if (JsonNumber().IsMatch(v)) json.WriteRawValue(v, skipInputValidation: true);
            else if (v is "true" or "false") json.WriteBooleanValue(v == "true");
            else json.WriteStringValue(v);
        }
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, Interval interval)
    {
        json.WriteStartObject(name);
        Number(json, "mean", interval.Mean);
        Number(json, "ci95", interval.HalfWidth);
        json.WriteNumber("n", interval.Count);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        if (double.IsFinite(value)) json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        else json.WriteNullValue();
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
