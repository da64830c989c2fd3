using System.Globalization;
using System.Text;
using System.Text.Json;
using RlGym.Core.Errors;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Journal;

/// <summary>
/// The record of a sweep's progress, <c>journal.jsonl</c> in the sweep directory: a first line naming the sweep
/// file's fingerprint, then one JSON line per finished trial rung with its score. Each line is flushed to the disk
/// before the sweep goes on, so after a crash or <c>kill -9</c> the journal holds every trial that finished; a last
/// line cut short by the kill is dropped. Running trials are not journalled: their run directories hold checkpoints,
/// and a rerun resumes them from there.
/// </summary>
public sealed class SweepJournal : IDisposable
{
    /// <summary>The journal's file name.</summary>
    public const string FileName = "journal.jsonl";

    private readonly FileStream _stream;
    private readonly Dictionary<string, TrialOutcome> _done;
    private readonly Lock _gate = new();

    private SweepJournal(FileStream stream, Dictionary<string, TrialOutcome> done)
    {
        _stream = stream;
        _done = done;
    }

    /// <summary>Finished trial rungs, by <see cref="Planning.TrialJob.Key"/>.</summary>
    public IReadOnlyDictionary<string, TrialOutcome> Done
    {
        get { lock (_gate) return new Dictionary<string, TrialOutcome>(_done); }
    }

    /// <summary>True when <paramref name="directory"/> holds a sweep journal.</summary>
    public static bool ExistsIn(string directory) => File.Exists(Path.Combine(directory, FileName));

    /// <summary>
    /// Opens the journal in <paramref name="directory"/>, creating it for a new sweep. A journal of another sweep file
    /// (another fingerprint) is refused with a one-line <see cref="UserInputException"/>.
    /// </summary>
    public static SweepJournal Open(string directory, string fingerprint)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            // The header appears whole or not at all, so a kill here leaves a directory a rerun starts afresh.
            string temp = path + ".tmp";
            using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                fs.Write(Encoding.UTF8.GetBytes(Header(fingerprint) + "\n"));
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }

        var bytes = File.ReadAllBytes(path);
        int end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var lines = Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || ReadFingerprint(lines[0]) is not { } found)
            throw new UserInputException($"'{path}' is not a sweep journal; use another --out directory");
        if (found != fingerprint)
            throw new UserInputException($"'{directory}' holds a sweep of another sweep file; use another --out directory, or the file it was started with");
        var done = new Dictionary<string, TrialOutcome>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
            if (ReadDone(line) is { } record) done[record.Key] = record.Outcome;

        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        // A line cut short by a kill is dropped, so the next record starts on a line of its own.
        stream.SetLength(end);
        stream.Seek(end, SeekOrigin.Begin);
        return new SweepJournal(stream, done);
    }

    /// <summary>Records a finished trial rung and flushes it to the disk.</summary>
    public void RecordDone(string key, TrialOutcome outcome)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("done", key);
            WriteNumber(json, "final_return", outcome.FinalReturn);
            WriteNumber(json, "auc", outcome.Auc);
            json.WriteNumber("episodes", outcome.Episodes);
            json.WriteNumber("steps", outcome.TotalSteps);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        lock (_gate)
        {
            if (_done.ContainsKey(key)) return;
            _stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            _stream.Flush(flushToDisk: true);
            _done[key] = outcome;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static string Header(string fingerprint) => $"{{\"sweep\":\"{fingerprint}\",\"version\":1}}";

    private static string? ReadFingerprint(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("sweep", out var s) ? s.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static (string Key, TrialOutcome Outcome)? ReadDone(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (!r.TryGetProperty("done", out var key)) return null;
            return (key.GetString()!, new TrialOutcome(ReadNumber(r.GetProperty("final_return")), ReadNumber(r.GetProperty("auc")),
                r.GetProperty("episodes").GetInt32(), r.GetProperty("steps").GetInt64()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
    }

    private static double ReadNumber(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();
}
