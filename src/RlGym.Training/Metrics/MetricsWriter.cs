using System.Diagnostics;
using System.Globalization;
using System.Text;
using RlGym.Core.Errors;

namespace RlGym.Training.Metrics;

/// <summary>
/// Streams <c>metrics.csv</c>, one row per episode, with the invariant culture and round-trip number formatting,
/// so a file read back gives the exact doubles that were written. Rows reach the operating system in whole lines,
/// within 0.1 s of being written (or at 32 KB), and before each checkpoint: a file follower sees them promptly, a
/// crash of the process loses at most the last tenth of a second, and a resumed run always finds the rows its
/// checkpoint accounts for. A write per row cost a system call per episode, which short episodes on several threads
/// felt. Rows are not kept in memory.
/// <para>
/// Columns: <c>episode,total_steps,return,length,exploration_rate,wall_seconds,eval_return</c>. <c>eval_return</c>
/// is empty on episodes without an evaluation; <c>exploration_rate</c> is <c>NaN</c> for agents that report none.
/// Every column except <c>wall_seconds</c> is a deterministic function of the run's seed.
/// </para>
/// </summary>
public sealed class MetricsWriter : ITrainingObserver, IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "episode,total_steps,return,length,exploration_rate,wall_seconds,eval_return,env";

    /// <summary>The header of files written before the <c>env</c> column (the copy that played the episode) was added; still read.</summary>
    public const string HeaderWithoutEnv = "episode,total_steps,return,length,exploration_rate,wall_seconds,eval_return";

    /// <summary>The file name used inside a run directory.</summary>
    public const string FileName = "metrics.csv";

    private readonly Stream _stream;
    private readonly StreamWriter _writer;
    private readonly char[] _line = new char[512];
    private bool _faulted;
    private int _pending;
    private int _savedRows;
    private long _flushedAt = Stopwatch.GetTimestamp();
    private const int FlushChars = 32 * 1024;
    private static readonly long FlushTicks = Stopwatch.Frequency / 10;
    private bool _disposed;

    /// <summary>
    /// Writes to <paramref name="stream"/>; <paramref name="path"/> only names it in error messages. The header is
    /// written when <paramref name="existingRows"/> is 0 and the stream is empty.
    /// </summary>
    public MetricsWriter(Stream stream, string path, int existingRows = 0)
    {
        _stream = stream;
        Path = path;
        RowCount = existingRows;
        _savedRows = existingRows;
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 2 * FlushChars, leaveOpen: false) { NewLine = "\n", AutoFlush = false };
        if (existingRows == 0 && (!stream.CanSeek || stream.Length == 0))
        {
            Guard(() =>
            {
                _writer.Write(Header);
                _writer.Write('\n');
                _writer.Flush();
            });
        }
    }

    /// <summary>The file written (or the name given to the stream).</summary>
    public string Path { get; }

    /// <summary>Rows in the file, those of earlier sessions of a resumed run included.</summary>
    public int RowCount { get; private set; }

    /// <summary>
    /// Starts a new metrics file. An existing file is refused unless <paramref name="force"/> (a resumed run opens
    /// its file with <see cref="Resume"/> instead).
    /// </summary>
    public static MetricsWriter Create(string path, bool force = false)
    {
        if (File.Exists(path) && !force)
            throw new UserInputException($"metrics file '{path}' already exists; use --force to overwrite it or --resume to continue the run");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        FileStream fs;
        try { fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot create metrics file '{path}': {e.Message}", e);
        }
        return new MetricsWriter(fs, path);
    }

    /// <summary>
    /// Reopens the metrics file of a resumed run: keeps the header and the first <paramref name="rows"/> rows (those
    /// the checkpoint accounts for), cuts everything after them, and appends from there, so no row is duplicated.
    /// </summary>
    public static MetricsWriter Resume(string path, int rows)
    {
        if (!File.Exists(path))
            throw new UserInputException($"cannot resume: metrics file '{path}' does not exist");
        FileStream fs;
        try { fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot open metrics file '{path}': {e.Message}", e);
        }
        try
        {
            long end = EndOfLine(fs, rows + 1);
            if (end < 0)
                throw new UserInputException($"cannot resume: metrics file '{path}' has fewer than the {rows} rows the checkpoint accounts for");
            fs.SetLength(end);
            fs.Position = end;
            return new MetricsWriter(fs, path, rows);
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    /// <summary>The offset just past the <paramref name="lines"/>-th newline, or −1 when the file has fewer.</summary>
    private static long EndOfLine(Stream s, int lines)
    {
        s.Position = 0;
        var buffer = new byte[65536];
        long offset = 0;
        int seen = 0;
        int n;
        while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                if (++seen == lines) return offset + i + 1;
            }
            offset += n;
        }
        return lines == 0 ? 0 : -1;
    }

    /// <summary>
    /// Appends a row; it reaches the operating system with the next flush (at most 0.1 s later). Allocates nothing.
    /// </summary>
    public void Write(EpisodeMetrics m)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_faulted) throw new IOException($"metrics file '{Path}' failed earlier; {_savedRows} rows are saved");
        var span = _line.AsSpan();
        int n = 0;
        var inv = CultureInfo.InvariantCulture;
        m.Episode.TryFormat(span[n..], out int w, default, inv); n += w; span[n++] = ',';
        m.TotalSteps.TryFormat(span[n..], out w, default, inv); n += w; span[n++] = ',';
        m.Return.TryFormat(span[n..], out w, "R", inv); n += w; span[n++] = ',';
        m.Length.TryFormat(span[n..], out w, default, inv); n += w; span[n++] = ',';
        m.ExplorationRate.TryFormat(span[n..], out w, "R", inv); n += w; span[n++] = ',';
        m.WallSeconds.TryFormat(span[n..], out w, "R", inv); n += w; span[n++] = ',';
        if (m.EvalReturn is { } e) { e.TryFormat(span[n..], out w, "R", inv); n += w; }
        span[n++] = ',';
        m.Env.TryFormat(span[n..], out w, default, inv); n += w;
        span[n++] = '\n';
        try
        {
            _writer.Write(_line, 0, n);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _faulted = true;
            throw new IOException(
                $"cannot write metrics file '{Path}' at episode {m.Episode}: {ex.Message}; the {_savedRows} rows written before are saved", ex);
        }
        RowCount++;
        _pending += n;
        if (_pending >= FlushChars || Stopwatch.GetTimestamp() - _flushedAt >= FlushTicks) Flush();
    }

    /// <summary>
    /// Flushes rows that have waited 0.1 s or more. The trainer calls it now and then between episodes, so the last
    /// rows before a long episode do not wait for the next one.
    /// </summary>
    public void FlushIfDue()
    {
        if (_pending > 0 && Stopwatch.GetTimestamp() - _flushedAt >= FlushTicks) Flush();
    }

    /// <summary>Hands every row written so far to the operating system (a checkpoint calls it before saving).</summary>
    public void Flush()
    {
        if (_pending == 0 || _faulted) return;
        try { _writer.Flush(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _faulted = true;
            throw new IOException($"cannot write metrics file '{Path}': {ex.Message}; the {_savedRows} rows written before are saved", ex);
        }
        _savedRows = RowCount;
        _pending = 0;
        _flushedAt = Stopwatch.GetTimestamp();
    }

    /// <inheritdoc />
    void ITrainingObserver.OnEpisode(EpisodeMetrics metrics) => Write(metrics);

    private void Guard(Action write)
    {
        try { write(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _faulted = true;
            throw new IOException($"cannot write metrics file '{Path}': {ex.Message}", ex);
        }
    }

    /// <summary>Closes the file. After a write failure the unwritten buffer is dropped rather than retried.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_faulted)
        {
            // The buffer may hold a partial row that the failing device refused; flushing it again would throw from
            // Dispose and hide the first error, so the stream is closed without it.
            try { _stream.Dispose(); } catch (IOException) { }
            return;
        }
        _writer.Dispose();
    }
}
