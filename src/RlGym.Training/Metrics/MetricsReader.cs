using System.Globalization;
using RlGym.Core.Errors;

namespace RlGym.Training.Metrics;

/// <summary>
/// Reads a <c>metrics.csv</c> written by <see cref="MetricsWriter"/> back into rows, for plots, evaluation reports
/// and tests. A last line without its newline is the row a crash cut short and is skipped; any other malformed line
/// is an error naming the file and the line.
/// </summary>
public static class MetricsReader
{
    /// <summary>Every row of the file.</summary>
    public static IReadOnlyList<EpisodeMetrics> Read(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"metrics file '{path}' does not exist");
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new UserInputException($"cannot read metrics file '{path}': {e.Message}", e); }
        return Parse(text, path);
    }

    /// <summary>
    /// The rows one at a time, without holding the file in memory (a million-episode run's curve is drawn this way).
    /// A last line without its newline is skipped, as in <see cref="Read"/>.
    /// </summary>
    public static IEnumerable<EpisodeMetrics> Stream(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"metrics file '{path}' does not exist");
        return StreamRows(path);
    }

    private static IEnumerable<EpisodeMetrics> StreamRows(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        bool endsWithNewline = file.Length > 0 && EndsWithNewline(file);
        using var reader = new StreamReader(file);
        string? line = reader.ReadLine();
        if (line is null) yield break;
        int columns = Columns(line.AsSpan().TrimEnd('\r'));
        if (columns == 0 || (reader.Peek() < 0 && !endsWithNewline))
            throw new UserInputException($"'{path}' is not a metrics file: its header is not '{MetricsWriter.Header}'");
        int lineNumber = 1;
        string? next = reader.ReadLine();
        while (next is not null)
        {
            string current = next;
            next = reader.ReadLine();
            lineNumber++;
            if (next is null && !endsWithNewline) yield break; // a row the writer never finished
            yield return ParseRow(current.AsSpan().TrimEnd('\r'), path, lineNumber, columns);
        }
    }

    private static bool EndsWithNewline(FileStream file)
    {
        file.Seek(-1, SeekOrigin.End);
        bool result = file.ReadByte() == '\n';
        file.Seek(0, SeekOrigin.Begin);
        return result;
    }

    /// <summary>The rows of CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static IReadOnlyList<EpisodeMetrics> Parse(string text, string source = "metrics")
    {
        var rows = new List<EpisodeMetrics>();
        int lineNumber = 0, columns = 0;
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) break; // a row the writer never finished
            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            start = end + 1;
            lineNumber++;
            if (lineNumber == 1)
            {
                columns = Columns(line);
                if (columns == 0)
                    throw new UserInputException($"'{source}' is not a metrics file: its header is not '{MetricsWriter.Header}'");
                continue;
            }
            rows.Add(ParseRow(line, source, lineNumber, columns));
        }
        if (lineNumber == 0 && text.Length > 0)
            throw new UserInputException($"'{source}' is not a metrics file: it has no complete header line");
        return rows;
    }

    /// <summary>The return of every episode, in order.</summary>
    public static double[] Returns(string path) => Read(path).Select(r => r.Return).ToArray();

    // Files written before the env column was added have 7 columns; they still read, every episode on copy 0.
    private static int Columns(ReadOnlySpan<char> header) =>
        header.SequenceEqual(MetricsWriter.Header) ? 8 : header.SequenceEqual(MetricsWriter.HeaderWithoutEnv) ? 7 : 0;

    private static EpisodeMetrics ParseRow(ReadOnlySpan<char> line, string source, int lineNumber, int columns)
    {
        Span<Range> parts = stackalloc Range[9];
        int count = line.Split(parts, ',');
        if (count != columns) throw Bad(source, lineNumber, $"it has {count} columns, not {columns}");
        var inv = CultureInfo.InvariantCulture;
        if (!int.TryParse(line[parts[0]], NumberStyles.Integer, inv, out var episode)) throw Bad(source, lineNumber, "episode is not an integer");
        if (!long.TryParse(line[parts[1]], NumberStyles.Integer, inv, out var total)) throw Bad(source, lineNumber, "total_steps is not an integer");
        if (!double.TryParse(line[parts[2]], NumberStyles.Float, inv, out var ret)) throw Bad(source, lineNumber, "return is not a number");
        if (!int.TryParse(line[parts[3]], NumberStyles.Integer, inv, out var length)) throw Bad(source, lineNumber, "length is not an integer");
        if (!double.TryParse(line[parts[4]], NumberStyles.Float, inv, out var rate)) throw Bad(source, lineNumber, "exploration_rate is not a number");
        if (!double.TryParse(line[parts[5]], NumberStyles.Float, inv, out var wall)) throw Bad(source, lineNumber, "wall_seconds is not a number");
        double? eval = null;
        var evalText = line[parts[6]];
        if (!evalText.IsEmpty)
        {
            if (!double.TryParse(evalText, NumberStyles.Float, inv, out var e)) throw Bad(source, lineNumber, "eval_return is not a number");
            eval = e;
        }
        int env = 0;
        if (columns == 8 && !int.TryParse(line[parts[7]], NumberStyles.Integer, inv, out env)) throw Bad(source, lineNumber, "env is not an integer");
        return new EpisodeMetrics(episode, total, ret, length, rate, wall, eval, env);
    }

    private static UserInputException Bad(string source, int line, string why) =>
        new($"'{source}' line {line} is malformed: {why}");
}
