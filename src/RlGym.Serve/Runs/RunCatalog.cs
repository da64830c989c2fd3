using RlGym.Training.Metrics;
using RlGym.Training.Runs;

namespace RlGym.Serve.Runs;

/// <summary>
/// Every run directory under the root, found by walking real folders only (links are never followed, hidden folders
/// are skipped), up to <see cref="MaxDepth"/> levels down. A folder holding <c>config.json</c> or <c>metrics.csv</c>
/// is a run; its id is its path relative to the root with <c>/</c> between names. Requests name runs by these ids
/// and nothing else: an id is looked up in this listing, never joined to a path, so no request reaches outside the root.
/// </summary>
internal sealed class RunCatalog(string root, Func<string, double?> threshold) : IDisposable
{
    public const int MaxDepth = 4;
    public const int MaxRuns = 5000;

    private readonly Lock _lock = new();
    private Dictionary<string, WatchedRun> _runs = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);
    public ChangeSignal Changed { get; } = new();
    public long Version { get; private set; }

    public IReadOnlyList<WatchedRun> Runs
    {
        get { lock (_lock) return [.. _runs.Values.OrderBy(r => r.Id, StringComparer.Ordinal)]; }
    }

    public bool TryGet(string id, out WatchedRun run)
    {
        lock (_lock) return _runs.TryGetValue(id, out run!);
    }

    /// <summary>Rescans the folders and rereads every run; pulses <see cref="Changed"/> when the list would look different.</summary>
    public async Task RefreshAsync(CancellationToken cancellation)
    {
        var found = Scan();
        bool changed = false;
        Dictionary<string, WatchedRun> next;
        List<WatchedRun> gone;
        lock (_lock)
        {
            next = new Dictionary<string, WatchedRun>(StringComparer.Ordinal);
            foreach (var (id, group, dir) in found)
            {
                if (!_runs.TryGetValue(id, out var run)) { run = new WatchedRun(id, group, dir, threshold); changed = true; }
                next[id] = run;
            }
            gone = [.. _runs.Values.Where(r => !next.ContainsKey(r.Id))];
            changed |= gone.Count > 0;
            _runs = next;
        }
        foreach (var run in gone) run.Dispose();
        foreach (var run in next.Values) changed |= await run.RefreshAsync(cancellation).ConfigureAwait(false);
        if (changed)
        {
            Version++;
            Changed.Pulse();
        }
    }

    /// <summary>
    /// For runs someone follows: a fresh frame, more often than the rescan. Their metrics are reread with the rescan
    /// only: each reread that finds rows sends every following page a "run" event, and each page then fetches the
    /// chart and the new rows, so one a second is what fifty pages cost a training run on the same machine.
    /// </summary>
    public async Task RefreshFramesAsync(CancellationToken cancellation)
    {
        foreach (var run in Runs)
        {
            if (run.Watchers == 0) continue;
            await run.RefreshFrameAsync(cancellation).ConfigureAwait(false);
        }
    }

    private List<(string Id, string Group, string Directory)> Scan()
    {
        var runs = new List<(string, string, string)>();
        var rootInfo = new DirectoryInfo(Root);
        if (!rootInfo.Exists) return runs;
        if (IsRun(rootInfo))
        {
            runs.Add((rootInfo.Name, "", rootInfo.FullName));
            return runs;
        }
        var options = new EnumerationOptions
        {
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint | FileAttributes.System,
        };
        var queue = new Queue<(DirectoryInfo Dir, string Id, int Depth)>();
        queue.Enqueue((rootInfo, "", 0));
        while (queue.Count > 0 && runs.Count < MaxRuns)
        {
            var (dir, id, depth) = queue.Dequeue();
            IEnumerable<DirectoryInfo> children;
            try { children = [.. dir.EnumerateDirectories("*", options).OrderBy(d => d.Name, StringComparer.Ordinal)]; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var child in children)
            {
                if (child.LinkTarget is not null || child.Name.StartsWith('.')) continue;
                string childId = id.Length == 0 ? child.Name : id + "/" + child.Name;
                if (IsRun(child)) runs.Add((childId, id, child.FullName));
                else if (depth + 1 < MaxDepth) queue.Enqueue((child, childId, depth + 1));
            }
        }
        return runs;
    }

    private static bool IsRun(DirectoryInfo dir) =>
        IsRegularFile(Path.Combine(dir.FullName, RunDirectory.ConfigFileName)) || IsRegularFile(Path.Combine(dir.FullName, MetricsWriter.FileName));

    private static bool IsRegularFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var run in _runs.Values) run.Dispose();
            _runs.Clear();
        }
    }
}
