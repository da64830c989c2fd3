namespace RlGym.Sweeps.Running;

/// <summary>What a finished trial scored, computed from its <c>metrics.csv</c> (so a resumed trial scores exactly as an uninterrupted one).</summary>
/// <param name="FinalReturn">Mean return of the last tenth of the episodes (at least one).</param>
/// <param name="Auc">Area under the learning curve: the mean return over all episodes.</param>
/// <param name="Episodes">Episodes trained.</param>
/// <param name="TotalSteps">Environment steps trained.</param>
[GenerateSerializer, Immutable]
public sealed record TrialOutcome(
    [property: Id(0)] double FinalReturn,
    [property: Id(1)] double Auc,
    [property: Id(2)] int Episodes,
    [property: Id(3)] long TotalSteps)
{
    /// <summary>The fraction of the episodes the final return averages, as <c>rlgym compare</c> uses.</summary>
    public const double FinalFraction = 0.1;

    /// <summary>The outcome of a run whose episode returns are <paramref name="returns"/>.</summary>
    public static TrialOutcome FromReturns(IReadOnlyList<double> returns, long totalSteps)
    {
        if (returns.Count == 0) return new TrialOutcome(double.NaN, double.NaN, 0, totalSteps);
        int tail = Math.Max(1, (int)Math.Round(returns.Count * FinalFraction));
        double final = 0, all = 0;
        for (int i = 0; i < returns.Count; i++)
        {
            all += returns[i];
            if (i >= returns.Count - tail) final += returns[i];
        }
        return new TrialOutcome(final / tail, all / returns.Count, returns.Count, totalSteps);
    }

    /// <summary>The outcome of the run whose <c>metrics.csv</c> is at <paramref name="metricsPath"/>.</summary>
    public static TrialOutcome FromMetrics(string metricsPath)
    {
        var returns = new List<double>();
        long steps = 0;
        foreach (var row in Training.Metrics.MetricsReader.Stream(metricsPath))
        {
            returns.Add(row.Return);
            steps = row.TotalSteps;
        }
        return FromReturns(returns, steps);
    }
}
