using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RlGym.Cli.Output;

/// <summary>
/// Writes JSON documents and JSON Lines to a text writer with <see cref="Utf8JsonWriter"/>. Numbers are written
/// so they read back exactly: float32 as the shortest text that round-trips a float32, doubles likewise as doubles.
/// </summary>
public sealed class JsonOutput(TextWriter writer, bool indented = false)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>Writes one document (one line unless indented) and a newline.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = indented, SkipValidation = false }))
            write(json);
        writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>A float32 as the shortest text that parses back to the same float32; non-finite values as strings.</summary>
    public static void Number(Utf8JsonWriter json, float value)
    {
        if (float.IsFinite(value)) json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        else json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A double as the shortest text that parses back to the same double; non-finite values as strings.</summary>
    public static void Number(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        else json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A named double.</summary>
    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        Number(json, value);
    }

    /// <summary>
    /// An observation or action as Gymnasium prints it: an int for a discrete value, a list for an array.
    /// </summary>
    public static void Value(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case bool b: json.WriteBooleanValue(b); break;
            case float f: Number(json, f); break;
            case double d: Number(json, d); break;
            case string s: json.WriteStringValue(s); break;
            case float[] fa:
                json.WriteStartArray();
                foreach (var f in fa) Number(json, f);
                json.WriteEndArray();
                break;
            case double[] da:
                json.WriteStartArray();
                foreach (var d in da) Number(json, d);
                json.WriteEndArray();
                break;
            case int[] ia:
                json.WriteStartArray();
                foreach (var i in ia) json.WriteNumberValue(i);
                json.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object> dict:
                Info(json, dict);
                break;
            case System.Collections.IEnumerable e:
                json.WriteStartArray();
                foreach (var item in e) Value(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>An info dictionary as a JSON object.</summary>
    public static void Info(Utf8JsonWriter json, IReadOnlyDictionary<string, object> info)
    {
        json.WriteStartObject();
        foreach (var (k, v) in info.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(k);
            Value(json, v);
        }
        json.WriteEndObject();
    }
}
