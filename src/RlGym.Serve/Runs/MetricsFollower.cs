using System.Globalization;
using System.Text;

namespace RlGym.Serve.Runs;

/// <summary>
/// Follows a run's <c>metrics.csv</c> as it grows, without locking it (the file is opened with every share flag) and
/// without keeping its rows: each update reads only the bytes appended since the last, and consumes complete lines
/// only, so a row the writer has not finished is read next time. Columns are found by their header names, so files
/// with more (or fewer optional) columns read as well. What it keeps is bounded: counters, the
/// <see cref="CurveSummary"/> and a sparse index of line offsets (at most <see cref="MaxIndex"/> entries) from which
/// <see cref="ReadRows"/> reads rows back. A file cut shorter (a resumed run rewinds it) or replaced is read afresh.
/// </summary>
internal sealed class MetricsFollower(string path, int movingAverage = 100)
{
    public const int MaxIndex = 1024;
    private const int MaxLineBytes = 4096;
    private const long MaxBytesPerUpdate = 32L << 20;

    private readonly Lock _lock = new();
    private long _consumed;
    private bool _restart;
    private long _headerEnd;
    private Columns? _columns;
    private readonly List<(int Episode, long Offset)> _index = [];
    private int _indexStride = 1;
    private CurveSummary _curve = new(movingAverage);

    public string Path { get; } = path;
    public int Rows { get; private set; }
    public int BadRows { get; private set; }
    public int LastEpisode { get; private set; } = -1;
    public long? TotalSteps { get; private set; }
    public double? LastReturn { get; private set; }
    public double? LastEval { get; private set; }
    public double? BestEval { get; private set; }
    public double? WallSeconds { get; private set; }
    public string? Env { get; private set; }
    public string? Problem { get; private set; }
    public DateTime LastWriteUtc { get; private set; }
    public long Version { get; private set; }

    /// <summary>Reads what was appended since the last call; true when anything changed.</summary>
    public bool Update()
    {
        lock (_lock)
        {
            var info = new FileInfo(Path);
            if (!info.Exists)
            {
                if (_consumed == 0 && Problem is null) return false;
                Reset();
                Problem = null;
                Version++;
                return true;
            }
            LastWriteUtc = info.LastWriteTimeUtc;
            if (info.Length < _consumed) Reset();
            if (info.Length == _consumed) return false;
            try
            {
                using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
                if (_consumed > 0 && !StillFollows(file)) Reset();
                long before = _consumed;
                ReadAppended(file, Math.Min(file.Length, _consumed + MaxBytesPerUpdate));
                if (_restart)
                {
                    Reset();
                    ReadAppended(file, Math.Min(file.Length, MaxBytesPerUpdate));
                }
                if (_consumed == before && !_restart) return false;
                _restart = false;
            }
            catch (IOException e)
            {
                Problem = $"cannot read metrics.csv: {e.Message}";
            }
            catch (UnauthorizedAccessException)
            {
                Problem = "metrics.csv cannot be read (permission denied)";
            }
            Version++;
            return true;
        }
    }

    /// <summary>True when the byte before the next unread one is still the newline read last time.</summary>
    private bool StillFollows(FileStream file)
    {
        file.Position = _consumed - 1;
        return file.ReadByte() == '\n';
    }

    private void Reset()
    {
        _consumed = _headerEnd = 0;
        _restart = false;
        _columns = null;
        _index.Clear();
        _indexStride = 1;
        _curve = new CurveSummary(_curve.Window);
        Rows = BadRows = 0;
        LastEpisode = -1;
        TotalSteps = null;
        LastReturn = LastEval = BestEval = WallSeconds = null;
        Env = Problem = null;
    }

    private void ReadAppended(FileStream file, long end)
    {
        file.Position = _consumed;
        var buffer = new byte[1 << 16];
        var line = new byte[MaxLineBytes];
        int lineLength = 0;
        bool overlong = false;
        long lineStart = _consumed;
        long position = _consumed;
        while (position < end)
        {
            int n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, end - position));
            if (n <= 0) break;
            for (int i = 0; i < n; i++)
            {
                byte b = buffer[i];
                position++;
                if (b != (byte)'\n')
                {
                    if (lineLength < line.Length) line[lineLength++] = b;
                    else overlong = true;
                    continue;
                }
                var text = line.AsSpan(0, lineLength);
                if (!text.IsEmpty && text[^1] == (byte)'\r') text = text[..^1];
                if (overlong) BadRows++;
                else Consume(text, lineStart);
                lineLength = 0;
                overlong = false;
                lineStart = position;
                _consumed = position;
                if (_restart || (_columns is null && Problem is not null)) return;
            }
        }
    }

    private void Consume(ReadOnlySpan<byte> line, long offset)
    {
        if (_columns is null)
        {
            _columns = Columns.FromHeader(line);
            _headerEnd = offset + line.Length + 1;
            if (_columns is null) Problem = "metrics.csv has no 'episode' and 'return' columns in its header";
            return;
        }
        if (line.IsEmpty) return;
        if (_columns.Parse(line) is not { } row) { BadRows++; return; }
        if (LastEpisode >= 0 && row.Episode <= LastEpisode)
        {
            // Episodes only go forward; going back means a resumed run rewound the file under us: read it afresh.
            _restart = true;
            return;
        }
        if (Rows % _indexStride == 0)
        {
            _index.Add((row.Episode, offset));
            if (_index.Count >= MaxIndex)
            {
                for (int i = 0; i < _index.Count / 2; i++) _index[i] = _index[2 * i];
                _index.RemoveRange(_index.Count / 2, _index.Count - _index.Count / 2);
                _indexStride *= 2;
            }
        }
        Rows++;
        LastEpisode = row.Episode;
        TotalSteps = row.TotalSteps ?? TotalSteps;
        LastReturn = row.Return;
        WallSeconds = row.WallSeconds ?? WallSeconds;
        if (row.Env is not null) Env = row.Env;
        if (row.EvalReturn is { } e)
        {
            LastEval = e;
            if (!(BestEval >= e)) BestEval = e;
        }
        _curve.Add(row.Episode, row.Return, row.EvalReturn);
    }

    /// <summary>Entries this follower holds (line offsets and chart numbers): bounded however long the file grows.</summary>
    public int Retained
    {
        get { lock (_lock) return _index.Count + _curve.Retained; }
    }

    public CurvePoints Curve()
    {
        lock (_lock) return _curve.Snapshot();
    }

    /// <summary>Rows with an episode above <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<MetricRow> ReadRows(int after, int limit)
    {
        long start, end;
        Columns? columns;
        lock (_lock)
        {
            columns = _columns;
            end = _consumed;
            start = _headerEnd;
            foreach (var (episode, offset) in _index)
            {
                if (episode > after) break;
                start = offset;
            }
        }
        var rows = new List<MetricRow>();
        if (columns is null || end <= start) return rows;
        foreach (var row in ReadBetween(columns, start, end))
        {
            if (row.Episode <= after) continue;
            rows.Add(row);
            if (rows.Count >= limit) break;
        }
        return rows;
    }

    /// <summary>Every training return, in order (for comparisons, which need whole curves).</summary>
    public double[] ReadReturns()
    {
        long start, end;
        Columns? columns;
        lock (_lock) (columns, start, end) = (_columns, _headerEnd, _consumed);
        if (columns is null) return [];
        var returns = new List<double>();
        int expected = 0;
        foreach (var row in ReadBetween(columns, start, end))
        {
            if (row.Episode != expected) continue;
            returns.Add(row.Return);
            expected++;
        }
        return [.. returns];
    }

    private IEnumerable<MetricRow> ReadBetween(Columns columns, long start, long end)
    {
        FileStream file;
        try { file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { yield break; }
        using (file)
        {
            if (file.Length < end) yield break;
            file.Position = start;
            using var reader = new StreamReader(file, Encoding.UTF8, false, 1 << 16);
            long position = start;
            string? text;
            while (position < end && (text = reader.ReadLine()) is not null)
            {
                position += Encoding.UTF8.GetByteCount(text) + 1;
                if (position > end) yield break;
                var bytes = Encoding.UTF8.GetBytes(text.TrimEnd('\r'));
                if (columns.Parse(bytes) is { } row) yield return row;
            }
        }
    }

    /// <summary>Where each known column sits in a row.</summary>
    private sealed class Columns
    {
        private int _count;
        private int _episode = -1, _total = -1, _return = -1, _length = -1, _rate = -1, _wall = -1, _eval = -1, _env = -1;

        public static Columns? FromHeader(ReadOnlySpan<byte> header)
        {
            var c = new Columns();
            var names = Encoding.UTF8.GetString(header).Split(',');
            c._count = names.Length;
            for (int i = 0; i < names.Length; i++)
            {
                switch (names[i].Trim())
                {
                    case "episode": c._episode = i; break;
                    case "total_steps": c._total = i; break;
                    case "return": c._return = i; break;
                    case "length": c._length = i; break;
                    case "exploration_rate": c._rate = i; break;
                    case "wall_seconds": c._wall = i; break;
                    case "eval_return": c._eval = i; break;
                    case "env": c._env = i; break;
                }
            }
            return c._episode < 0 || c._return < 0 ? null : c;
        }

        public MetricRow? Parse(ReadOnlySpan<byte> line)
        {
            Span<Range> parts = stackalloc Range[_count];
            int found = 0, start = 0;
            for (int i = 0; i <= line.Length; i++)
            {
                if (i < line.Length && line[i] != (byte)',') continue;
                if (found == _count) return null;
                parts[found++] = new Range(start, i);
                start = i + 1;
            }
            if (found != _count) return null;
            var inv = CultureInfo.InvariantCulture;
            if (!int.TryParse(line[parts[_episode]], NumberStyles.Integer, inv, out int episode) || episode < 0) return null;
            if (!double.TryParse(line[parts[_return]], NumberStyles.Float, inv, out double ret)) return null;
            long? total = null; int? length = null; double? rate = null, wall = null, eval = null; string? env = null;
            if (_total >= 0) { if (!long.TryParse(line[parts[_total]], NumberStyles.Integer, inv, out var v)) return null; total = v; }
            if (_length >= 0) { if (!int.TryParse(line[parts[_length]], NumberStyles.Integer, inv, out var v)) return null; length = v; }
            if (_rate >= 0) { if (!double.TryParse(line[parts[_rate]], NumberStyles.Float, inv, out var v)) return null; rate = double.IsNaN(v) ? null : v; }
            if (_wall >= 0) { if (!double.TryParse(line[parts[_wall]], NumberStyles.Float, inv, out var v)) return null; wall = v; }
            if (_eval >= 0 && !line[parts[_eval]].IsEmpty)
            {
                if (!double.TryParse(line[parts[_eval]], NumberStyles.Float, inv, out var v)) return null;
                eval = v;
            }
            if (_env >= 0) env = Encoding.UTF8.GetString(line[parts[_env]]);
            return new MetricRow(episode, total, ret, length, rate, wall, eval, env);
        }
    }
}
