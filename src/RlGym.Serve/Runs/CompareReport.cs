using RlGym.Serve.Charts;
using RlGym.Training.Comparisons;

namespace RlGym.Serve.Runs;

/// <summary>
/// Runs compared as <c>rlgym compare</c> does: runs that differ only in their seed form one group; per group, each
/// seed's returns are smoothed by a trailing moving average of a fiftieth of the episodes, then averaged over seeds
/// with a 95% Student-t band; the table gives the final return (last 10% of episodes) and the area under the curve,
/// each as mean ± half-width over seeds. Curves are cut to the group's shortest run.
/// </summary>
internal static class CompareReport
{
    private const int MaxPoints = 1000;

    public sealed record Group(string Label, IReadOnlyList<string> Runs, int Seeds, int Episodes,
        double FinalReturn, double? FinalHalfWidth, double AreaUnderCurve, double? AreaHalfWidth);

    public static (IReadOnlyList<Group> Table, IReadOnlyList<CompareGroup> Curves, int Smoothing) Build(IReadOnlyList<WatchedRun> runs)
    {
        var options = new ComparisonOptions();
        var grouped = runs.GroupBy(Key, StringComparer.Ordinal).ToList();
        var labels = grouped.Select(g => Label(g.First())).ToList();
        if (labels.Distinct().Count() < labels.Count) labels = grouped.Select(g => g.Key).ToList();

        var returns = grouped.Select(g => g.Select(r => r.Metrics.ReadReturns()).Where(r => r.Length > 0).ToList()).ToList();
        int shortest = returns.Where(r => r.Count > 0).Select(r => r.Min(x => x.Length)).DefaultIfEmpty(0).Min();
        int smoothing = Math.Max(1, shortest / 50);

        var table = new List<Group>();
        var curves = new List<CompareGroup>();
        for (int i = 0; i < grouped.Count; i++)
        {
            var perSeed = returns[i];
            var ids = grouped[i].Select(r => r.Id).ToList();
            if (perSeed.Count == 0)
            {
                table.Add(new Group(labels[i], ids, 0, 0, double.NaN, null, double.NaN, null));
                continue;
            }
            var summary = Comparison.Summarise(labels[i], perSeed, options);
            var (mean, half) = Comparison.Curve(perSeed, smoothing, options.Confidence);
            int stride = Math.Max(1, (mean.Length + MaxPoints - 1) / MaxPoints);
            var x = new List<double>(); var m = new List<double>(); var h = new List<double>();
            for (int e = stride - 1; e < mean.Length; e += stride) { x.Add(e + 1); m.Add(mean[e]); h.Add(half[e]); }
            curves.Add(new CompareGroup(labels[i], perSeed.Count, [.. x], [.. m], [.. h]));
            table.Add(new Group(labels[i], ids, perSeed.Count, mean.Length,
                summary.FinalReturn.Mean, Finite(summary.FinalReturn.HalfWidth), summary.AreaUnderCurve.Mean, Finite(summary.AreaUnderCurve.HalfWidth)));
        }
        return (table, curves, smoothing);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>Everything but the seed: runs with equal keys are seeds of one configuration.</summary>
    private static string Key(WatchedRun run) => run.Config is not { } c ? run.Id
        : string.Join(" ", new[] { c.Env, c.Agent }
            .Concat(c.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
            .Concat(c.EnvOptions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"-o {kv.Key}={kv.Value}"))
            .Concat(c.Wrappers.Select(w => $"--wrap {w}")));

    private static string Label(WatchedRun run) => run.Config is not { } c ? run.Id
        : string.Join(" ", new[] { c.Agent }.Concat(c.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")));
}
