using System.Globalization;
using System.Text;

namespace RlGym.Training.Comparisons;

/// <summary>
/// One agent's results over the seeds. <see cref="FinalReturn"/>: per seed, the mean return of the last
/// <see cref="ComparisonOptions.FinalFraction"/> of the episodes (10% by default), then mean ± confidence half-width
/// over seeds. <see cref="AreaUnderCurve"/>: per seed, the mean return over all episodes (the area under the learning
/// curve divided by its length, so it rewards learning fast as well as well), then the same over seeds.
/// </summary>
public sealed record AgentSummary(
    string Label,
    Interval FinalReturn,
    Interval AreaUnderCurve,
    double[] MeanCurve,
    double[] CurveHalfWidth,
    IReadOnlyList<double[]> ReturnsPerSeed)
{
    /// <summary>Environment steps each run took, by seed (all copies together).</summary>
    public IReadOnlyList<long> EnvStepsPerSeed { get; init; } = [];
}

/// <summary>The results of a comparison, agents in the order given.</summary>
public sealed record ComparisonResult(IReadOnlyList<long> Seeds, IReadOnlyList<AgentSummary> Agents, double Confidence)
{
    /// <summary>
    /// Writes the summary as CSV: <c>agent,seeds,final_return,final_return_ci,auc,auc_ci</c> (ci columns are
    /// half-widths of the confidence interval).
    /// </summary>
    public void WriteSummaryCsv(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("agent,seeds,final_return,final_return_ci,auc,auc_ci\n");
        foreach (var a in Agents)
            sb.Append(inv, $"{Quote(a.Label)},{Seeds.Count},{a.FinalReturn.Mean:R},{a.FinalReturn.HalfWidth:R},{a.AreaUnderCurve.Mean:R},{a.AreaUnderCurve.HalfWidth:R}\n");
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Writes the mean curves as CSV: <c>agent,episode,mean_return,ci</c>.</summary>
    public void WriteCurvesCsv(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine("agent,episode,mean_return,ci");
        foreach (var a in Agents)
            for (int i = 0; i < a.MeanCurve.Length; i++)
                w.WriteLine(string.Create(inv, $"{Quote(a.Label)},{i},{a.MeanCurve[i]:R},{a.CurveHalfWidth[i]:R}"));
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
