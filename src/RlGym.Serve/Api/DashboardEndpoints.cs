using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RlGym.Serve.Charts;
using RlGym.Serve.Runs;

namespace RlGym.Serve.Api;

/// <summary>
/// The pages and the JSON API. Every endpoint reads; none writes or starts anything. A run is named by its id (its
/// path under the served folder, <c>/</c> between names) and looked up in the catalog's listing: an id that is not
/// listed, whatever it spells (<c>..</c>, encoded separators, absolute paths, links), is a 404.
/// <code>
/// GET /api/runs                          every run: id, env, agent, seed, status, episodes, last_eval, best_eval, ...
/// GET /api/runs/{id}                     one run: the same, with its config and files
/// GET /api/runs/{id}/metrics?after=N     rows with episode &gt; N (default −1: from the first), at most 10,000 per call
/// GET /api/runs/{id}/frame.png           the environment as the run trains now (404 when it does not train)
/// GET /api/runs/{id}/curve.svg           the learning curve (ScottPlot)
/// GET /api/runs/{id}/events              server-sent events: "run" (summary changed), "frame" (a new frame)
/// GET /api/runs/{id}/files/{name}        a file of the run (config, metrics, agent, checkpoint, plots, videos)
/// GET /api/events                        server-sent events: "runs" (the list changed)
/// GET /api/compare?run=A&amp;run=B | ?group=G  runs grouped by configuration, statistics over seeds
/// GET /api/compare.svg?...               the comparison's curves with confidence bands
/// </code>
/// </summary>
internal static class DashboardEndpoints
{
    public const int MaxRowsPerCall = 10_000;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Map(WebApplication app, RunCatalog catalog, Pages pages)
    {
        app.MapGet("/", (HttpContext c) => Page(c, pages, "index.html"));
        app.MapGet("/run", (HttpContext c) => Page(c, pages, "run.html"));
        app.MapGet("/compare", (HttpContext c) => Page(c, pages, "compare.html"));
        app.MapGet("/static/{name}", (HttpContext c, string name) => Page(c, pages, name));
        app.MapGet("/api/runs", () => Results.Json(catalog.Runs.Select(r => r.Summary()), Json));
        app.MapGet("/api/events", (HttpContext c) => IndexEvents(c, catalog));
        app.MapGet("/api/compare", (HttpContext c) => Compare(c, catalog, svg: false));
        app.MapGet("/api/compare.svg", (HttpContext c) => Compare(c, catalog, svg: true));
        app.MapGet("/api/runs/{**rest}", (Delegate)((HttpContext c) => Run(c, catalog)));
    }

    private static IResult Page(HttpContext context, Pages pages, string name)
    {
        if (!pages.TryGet(name, out var file)) return NotFound("no such page");
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(file.Bytes, file.ContentType);
    }

    private static IResult NotFound(string why) => Results.Json(new { error = why }, Json, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string why) => Results.Json(new { error = why }, Json, statusCode: StatusCodes.Status400BadRequest);

    private static readonly string[] Suffixes = ["/metrics", "/frame.png", "/curve.svg", "/events"];

    private static async Task<IResult> Run(HttpContext context, RunCatalog catalog)
    {
        // The path as Kestrel gives it: percent-decoded except %2F, so an encoded separator never splits an id.
        string rest = context.Request.Path.Value!["/api/runs/".Length..];
        if (catalog.TryGet(rest, out var whole)) return Results.Json(Details(whole), Json);
        foreach (var suffix in Suffixes)
        {
            if (!rest.EndsWith(suffix, StringComparison.Ordinal) || !catalog.TryGet(rest[..^suffix.Length], out var run)) continue;
            return suffix switch
            {
                "/metrics" => Metrics(context, run),
                "/frame.png" => await Frame(context, run),
                "/curve.svg" => Svg(context, run.CurveSvg()),
                _ => await RunEvents(context, run),
            };
        }
        for (int at = rest.IndexOf("/files/", StringComparison.Ordinal); at >= 0; at = rest.IndexOf("/files/", at + 1, StringComparison.Ordinal))
        {
            if (!catalog.TryGet(rest[..at], out var run)) continue;
            string name = rest[(at + "/files/".Length)..];
            // The name must be one the run's own listing offers: never a path joined from the request.
            if (!run.Files().Any(f => f.Name == name)) return NotFound("no such file in this run");
            var path = Path.Combine(run.Directory, name.Replace('/', Path.DirectorySeparatorChar));
            var type = Path.GetExtension(name).ToLowerInvariant() switch
            {
                ".json" => "application/json", ".csv" => "text/csv", ".png" => "image/png", ".svg" => "image/svg+xml",
                ".mp4" => "video/mp4", ".gif" => "image/gif", ".txt" or ".log" or ".md" => "text/plain",
                _ => "application/octet-stream",
            };
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Results.Stream(stream, type, fileDownloadName: type == "application/octet-stream" ? Path.GetFileName(name) : null, enableRangeProcessing: true);
        }
        return NotFound("no run with that id");
    }

    private static object Details(WatchedRun run) => new
    {
        run = run.Summary(),
        config = run.ConfigText,
        files = run.Files().Select(f => new { name = f.Name, bytes = f.Bytes }),
        live = run.Alive,
    };

    private static IResult Metrics(HttpContext context, WatchedRun run)
    {
        int after = -1, limit = MaxRowsPerCall;
        var query = context.Request.Query;
        if (query.TryGetValue("after", out var a) && !int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out after))
            return BadRequest($"after={a} is not allowed; give an episode number (rows with a higher episode are returned)");
        if (query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxRowsPerCall))
            return BadRequest($"limit={l} is not allowed; use 1 to {MaxRowsPerCall}");
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(run.Metrics.ReadRows(after, limit), Json);
    }

    private static async Task<IResult> Frame(HttpContext context, WatchedRun run)
    {
        // While pages follow the run, the refresh loop keeps its frame fresh (a "frame" event tells them when): serve
        // that one, so however many pages ask, the run draws at most one frame per refresh.
        if (run.Watchers > 0 && run.Alive && run.Frames.Latest is { } latest)
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(latest, "image/png");
        }
        if (!await run.Frames.IsAliveAsync(context.RequestAborted)) return NotFound("the run is not training, so it has no live frame");
        var png = await run.Frames.FrameAsync(context.RequestAborted);
        if (png is null) return NotFound("the run has not drawn a frame yet");
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(png, "image/png");
    }

    private static IResult Svg(HttpContext context, string svg) => Svg(context, System.Text.Encoding.UTF8.GetBytes(svg));

    private static IResult Svg(HttpContext context, byte[] svg)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(svg, "image/svg+xml; charset=utf-8");
    }

    private static void StartEvents(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    private static async Task Send(HttpResponse response, string name, object data, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static async Task<IResult> RunEvents(HttpContext context, WatchedRun run)
    {
        StartEvents(context);
        var cancellation = context.RequestAborted;
        using var watching = run.Watch();
        (long, string) sent = (-1, "");
        long sentFrame = -1;
        try
        {
            await context.Response.WriteAsync("retry: 2000\n\n", cancellation);
            while (!cancellation.IsCancellationRequested)
            {
                var next = run.Changed.Next;
                var now = (run.Metrics.Version, run.Status);
                if (now != sent)
                {
                    await Send(context.Response, "run", run.Summary(), cancellation);
                    sent = now;
                }
                long frame = run.Frames.Version;
                if (run.Alive && frame != sentFrame && run.Frames.Latest is not null)
                {
                    await Send(context.Response, "frame", new { v = frame }, cancellation);
                    sentFrame = frame;
                }
                if (await Task.WhenAny(next, Task.Delay(KeepAlive, cancellation)) != next)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellation);
                    await context.Response.Body.FlushAsync(cancellation);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
        return Results.Empty;
    }

    private static async Task IndexEvents(HttpContext context, RunCatalog catalog)
    {
        StartEvents(context);
        var cancellation = context.RequestAborted;
        long sent = -1;
        try
        {
            await context.Response.WriteAsync("retry: 2000\n\n", cancellation);
            while (!cancellation.IsCancellationRequested)
            {
                var next = catalog.Changed.Next;
                if (catalog.Version != sent)
                {
                    sent = catalog.Version;
                    await Send(context.Response, "runs", catalog.Runs.Select(r => r.Summary()), cancellation);
                }
                if (await Task.WhenAny(next, Task.Delay(KeepAlive, cancellation)) != next)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellation);
                    await context.Response.Body.FlushAsync(cancellation);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
    }

    private static IResult Compare(HttpContext context, RunCatalog catalog, bool svg)
    {
        var query = context.Request.Query;
        var chosen = new List<WatchedRun>();
        foreach (var id in query["run"])
        {
            if (id is null || !catalog.TryGet(id, out var run)) return NotFound($"no run with id '{id}'");
            if (!chosen.Contains(run)) chosen.Add(run);
        }
        foreach (var group in query["group"])
        {
            var members = catalog.Runs.Where(r => group is not null && (r.Group == group || r.Group.StartsWith(group + "/", StringComparison.Ordinal))).ToList();
            if (members.Count == 0) return NotFound($"no runs in group '{group}'");
            chosen.AddRange(members.Where(m => !chosen.Contains(m)));
        }
        if (chosen.Count == 0) return BadRequest("choose runs: ?run=ID&run=ID or ?group=FOLDER");
        var (table, curves, smoothing) = CompareReport.Build(chosen);
        if (svg)
        {
            string title = $"Mean return over seeds (95% CI{(smoothing > 1 ? $", moving average of {smoothing}" : "")})";
            return Svg(context, CurveChart.Compare(curves, title));
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { smoothing, confidence = 0.95, groups = table, runs = chosen.Select(r => r.Summary()) }, Json);
    }
}
