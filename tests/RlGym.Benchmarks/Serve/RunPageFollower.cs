using System.Globalization;
using System.Text.Json;

namespace RlGym.Benchmarks.Serve;

/// <summary>
/// What a browser on the dashboard's run page does (src/RlGym.Serve/wwwroot/run.js), without the browser: it reads
/// the run's details once, then follows the run's event stream; on a "run" event it fetches the chart when the
/// episode count changed and the rows after the last one it has (at most 1000 a call), on a "frame" event the frame.
/// Like the page, it keeps at most one request of each kind in flight and drops events that arrive meanwhile.
/// </summary>
public sealed class RunPageFollower(HttpClient http, string runId)
{
    private const int KeepRows = 15;

    private readonly string _base = "/api/runs/" + string.Join('/', runId.Split('/').Select(Uri.EscapeDataString));
    private int _chartPending, _rowsPending, _framePending;
    private int _chartShownFor = -1;
    private int? _lastEpisode;

    /// <summary>Server-sent events received.</summary>
    public int Events;

    /// <summary>Charts, row batches and frames fetched.</summary>
    public int Charts, RowCalls, Frames;

    /// <summary>Rows received through <c>/metrics?after=N</c>.</summary>
    public long Rows;

    /// <summary>Requests that failed (other than by stopping).</summary>
    public int Errors;

    /// <summary>Follows the run until <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await http.GetStringAsync(_base, stop).ConfigureAwait(false);
            using var stream = await http.GetStreamAsync(_base + "/events", stop).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            string? name = null;
            while (!stop.IsCancellationRequested && await reader.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref Events);
                    using var data = JsonDocument.Parse(line[6..]);
                    if (name == "run") OnRun(data.RootElement.GetProperty("episodes").GetInt32(), stop);
                    else if (name == "frame") OnFrame(data.RootElement.GetProperty("v").GetInt64(), stop);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
    }

    private void OnRun(int episodes, CancellationToken stop)
    {
        if (episodes != Volatile.Read(ref _chartShownFor) && Interlocked.Exchange(ref _chartPending, 1) == 0)
        {
            _ = Fetch(async () =>
            {
                await http.GetStringAsync(_base + "/curve.svg?n=" + episodes.ToString(CultureInfo.InvariantCulture), stop).ConfigureAwait(false);
                Volatile.Write(ref _chartShownFor, episodes);
                Interlocked.Increment(ref Charts);
            }, () => Volatile.Write(ref _chartPending, 0));
        }
        if (Interlocked.Exchange(ref _rowsPending, 1) == 0)
        {
            int after = _lastEpisode ?? Math.Max(-1, episodes - KeepRows - 1);
            _ = Fetch(async () =>
            {
                var text = await http.GetStringAsync(_base + "/metrics?after=" + after.ToString(CultureInfo.InvariantCulture) + "&limit=1000", stop).ConfigureAwait(false);
                using var rows = JsonDocument.Parse(text);
                int n = rows.RootElement.GetArrayLength();
                if (n > 0) _lastEpisode = rows.RootElement[n - 1].GetProperty("episode").GetInt32();
                Interlocked.Add(ref Rows, n);
                Interlocked.Increment(ref RowCalls);
            }, () => Volatile.Write(ref _rowsPending, 0));
        }
    }

    private void OnFrame(long version, CancellationToken stop)
    {
        if (Interlocked.Exchange(ref _framePending, 1) != 0) return;
        _ = Fetch(async () =>
        {
            await http.GetByteArrayAsync(_base + "/frame.png?v=" + version.ToString(CultureInfo.InvariantCulture), stop).ConfigureAwait(false);
            Interlocked.Increment(ref Frames);
        }, () => Volatile.Write(ref _framePending, 0));
    }

    private async Task Fetch(Func<Task> request, Action done)
    {
        try { await request().ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException) { Interlocked.Increment(ref Errors); }
        finally { done(); }
    }
}
