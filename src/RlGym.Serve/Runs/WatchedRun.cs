using System.Globalization;
using RlGym.Rendering.Live;
using RlGym.Serve.Charts;
using RlGym.Training.Runs;

namespace RlGym.Serve.Runs;

/// <summary>
/// One run directory the dashboard follows: its configuration, its metrics as they grow, whether it trains now (its
/// live socket answers, or its metrics were written moments ago) and its live frame. Read-only: nothing here writes.
/// </summary>
internal sealed class WatchedRun : IDisposable
{
    /// <summary>Metrics written this recently count as a run still training, for runs that offer no live socket.</summary>
    public static readonly TimeSpan RecentWrite = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ChartEvery = TimeSpan.FromSeconds(1);

    private readonly Func<string, double?> _threshold;
    private readonly Lock _chartLock = new();
    private DateTime _configWriteUtc;
    private byte[]? _chart;
    private long _chartVersion = -1;
    private DateTime _chartAt;
    private int _watchers;
    private string _status = "empty";
    private bool _alive;

    public WatchedRun(string id, string group, string directory, Func<string, double?> threshold)
    {
        Id = id;
        Group = group;
        Directory = directory;
        _threshold = threshold;
        Metrics = new MetricsFollower(Path.Combine(directory, Training.Metrics.MetricsWriter.FileName));
        Frames = new LiveFrameClient(LiveFrameSocket.PathIn(directory));
    }

    public string Id { get; }
    public string Group { get; }
    public string Directory { get; }
    public RunConfig? Config { get; private set; }
    public string? ConfigText { get; private set; }
    public string? ConfigProblem { get; private set; }
    public DateTime? Started { get; private set; }
    public MetricsFollower Metrics { get; }
    public LiveFrameClient Frames { get; }
    public ChangeSignal Changed { get; } = new();
    public string Status => _status;
    public bool Alive => _alive;

    /// <summary>Bumped on every change a viewer would see (rows, status, frame).</summary>
    public long Version { get; private set; }

    /// <summary>Pages following this run now; frames are fetched only while there are some.</summary>
    public int Watchers => Volatile.Read(ref _watchers);

    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Unwatch(this);
    }

    private sealed class Unwatch(WatchedRun run) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref run._watchers);
        }
    }

    /// <summary>Rereads what changed: config, appended metrics, liveness. True when a viewer would see a change.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellation)
    {
        bool changed = ReadConfig();
        changed |= Metrics.Update();
        bool alive = await Frames.IsAliveAsync(cancellation).ConfigureAwait(false);
        string status = StatusNow(alive);
        if (alive != _alive || status != _status) changed = true;
        (_alive, _status) = (alive, status);
        if (changed) Bump();
        return changed;
    }

    /// <summary>Fetches a fresh frame when the run trains; true when it differs from the last.</summary>
    public async Task<bool> RefreshFrameAsync(CancellationToken cancellation)
    {
        if (!_alive) return false;
        long before = Frames.Version;
        await Frames.FrameAsync(cancellation).ConfigureAwait(false);
        if (Frames.Version == before) return false;
        Bump();
        return true;
    }

    private void Bump()
    {
        Version++;
        Changed.Pulse();
    }

    private bool ReadConfig()
    {
        var path = Path.Combine(Directory, RunDirectory.ConfigFileName);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            bool had = Config is not null || ConfigProblem is not null;
            (Config, ConfigText, ConfigProblem, Started) = (null, null, info.Exists ? "config.json is a link; links are not followed" : null, null);
            _configWriteUtc = default;
            return had;
        }
        if (info.LastWriteTimeUtc == _configWriteUtc) return false;
        _configWriteUtc = info.LastWriteTimeUtc;
        Started = info.LastWriteTimeUtc;
        try
        {
            ConfigText = File.ReadAllText(path);
            Config = RunConfig.FromJson(ConfigText, RunDirectory.ConfigFileName);
            ConfigProblem = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Errors.UserInputException)
        {
            // A config being written, or not a run's: shown as such, never fatal to the index.
            Config = null;
            ConfigProblem = e.Message;
            _configWriteUtc = default;
        }
        return true;
    }

    private string StatusNow(bool alive)
    {
        if (alive) return "running";
        if (ConfigProblem is not null || Metrics.Problem is not null || (Config is null && Metrics.Rows == 0)) return "broken";
        bool budgetReached = Config is { } c &&
            ((c.Episodes is { } e && Metrics.LastEpisode + 1 >= e) || (c.Steps is { } s && Metrics.TotalSteps >= s));
        if (budgetReached) return "finished";
        if (DateTime.UtcNow - Metrics.LastWriteUtc < RecentWrite) return "running";
        return Metrics.Rows == 0 ? "empty" : "interrupted";
    }

    public double? RewardThreshold => (Config?.Env ?? Metrics.Env) is { } env ? _threshold(env) : null;

    public RunSummary Summary()
    {
        string? budget = Config is null ? null
            : Config.Episodes is { } e ? e.ToString(CultureInfo.InvariantCulture) + " episodes"
            : Config.Steps is { } s ? s.ToString(CultureInfo.InvariantCulture) + " steps" : null;
        return new RunSummary(Id, Group, Config?.Env ?? Metrics.Env, Config?.Agent, Config?.Seed, _status, Metrics.Rows,
            Metrics.TotalSteps, Finite(Metrics.LastReturn), Finite(Metrics.LastEval), Finite(Metrics.BestEval), Started, budget,
            RewardThreshold, Metrics.BadRows, ConfigProblem ?? Metrics.Problem, Version);
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    /// <summary>
    /// The learning curve as UTF-8 SVG, redrawn at most once a second and only when rows arrived, however many
    /// pages ask: fifty pages following a run cost one drawing and one encoding per redraw.
    /// </summary>
    public byte[] CurveSvg()
    {
        lock (_chartLock)
        {
            long version = Metrics.Version;
            if (_chart is not null && (version == _chartVersion || DateTime.UtcNow - _chartAt < ChartEvery)) return _chart;
            string title = Config is { } c ? $"{c.Env} / {c.Agent} / seed {c.Seed}" : Id;
            _chart = System.Text.Encoding.UTF8.GetBytes(CurveChart.Run(Metrics.Curve(), title, RewardThreshold));
            (_chartVersion, _chartAt) = (version, DateTime.UtcNow);
            return _chart;
        }
    }

    /// <summary>Kinds of file a run page links to (what runs write: configs, metrics, agents, checkpoints, plots, videos).</summary>
    public static readonly HashSet<string> Downloadable = new(StringComparer.OrdinalIgnoreCase)
        { ".json", ".csv", ".bin", ".png", ".svg", ".mp4", ".gif", ".txt", ".log", ".md" };

    /// <summary>Files a page may link to: the run's own files and those of <c>checkpoint/</c>, no links.</summary>
    public IReadOnlyList<(string Name, long Bytes)> Files()
    {
        var files = new List<(string, long)>();
        void Add(string folder, string prefix)
        {
            var dir = new DirectoryInfo(folder);
            if (!dir.Exists || dir.LinkTarget is not null) return;
            foreach (var f in dir.EnumerateFiles("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint }))
            {
                if (f.LinkTarget is not null || !Downloadable.Contains(f.Extension)) continue;
                files.Add((prefix + f.Name, f.Length));
            }
        }
        Add(Directory, "");
        Add(Path.Combine(Directory, "checkpoint"), "checkpoint/");
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }

    public void Dispose() => Frames.Dispose();
}
