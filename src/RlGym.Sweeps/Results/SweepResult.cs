using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;
using RlGym.Training.Comparisons;

namespace RlGym.Sweeps.Results;

/// <summary>
/// A sweep's results: every trial's last score, every configuration's summary over seeds, and the best
/// configuration (the highest mean final return among those that trained the whole budget; ties go to the first).
/// </summary>
public sealed class SweepResult
{
    /// <summary>The plan the results belong to.</summary>
    public required SweepPlan Plan { get; init; }

    /// <summary>Trials in id order.</summary>
    public required IReadOnlyList<TrialResult> Trials { get; init; }

    /// <summary>Configurations in id order.</summary>
    public required IReadOnlyList<ConfigurationSummary> Configurations { get; init; }

    /// <summary>The best configuration.</summary>
    public required ConfigurationSummary Best { get; init; }

    /// <summary>The results of <paramref name="plan"/> from the journalled scores (<see cref="TrialJob.Key"/> to outcome).</summary>
    public static SweepResult From(SweepPlan plan, IReadOnlyDictionary<string, TrialOutcome> done)
    {
        var trials = new List<TrialResult>();
        var summaries = new List<ConfigurationSummary>();
        int last = plan.Rungs - 1;
        foreach (var c in plan.Configurations)
        {
            int rung = -1;
            for (int r = 0; r <= last; r++)
                if (plan.File.Seeds.All(s => done.ContainsKey($"{plan.TrialId(c, s)}@{r}"))) rung = r;
            if (rung < 0) throw new InvalidOperationException($"Configuration {c.Index} has no finished rung.");
            var outcomes = plan.File.Seeds.Select(s => done[$"{plan.TrialId(c, s)}@{rung}"]).ToArray();
            foreach (var (s, o) in plan.File.Seeds.Zip(outcomes))
                trials.Add(new TrialResult(plan.TrialId(c, s), c, s, rung, o, rung == last ? "done" : "stopped"));
            summaries.Add(new ConfigurationSummary(c, rung, plan.Budget(rung),
                Statistics.TInterval(outcomes.Select(o => o.FinalReturn).ToArray()),
                Statistics.TInterval(outcomes.Select(o => o.Auc).ToArray())));
        }
        var best = summaries.Where(s => s.Rung == last).OrderByDescending(s => s.FinalReturn.Mean).ThenBy(s => s.Configuration.Index).First();
        return new SweepResult { Plan = plan, Trials = trials, Configurations = summaries, Best = best };
    }
}
