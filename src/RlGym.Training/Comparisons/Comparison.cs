using RlGym.Core.Agents;
using RlGym.Core.Errors;

namespace RlGym.Training.Comparisons;

/// <summary>
/// Trains every agent with every seed and summarises over seeds. The run of (agent, seed) trains from run seed
/// <c>seed</c> (so all agents meet the same environment stream, common random numbers) with an agent seeded by
/// <see cref="Seeds.Agent"/>; runs share nothing, so running them on several cores gives exactly the serial results.
/// </summary>
public static class Comparison
{
    /// <summary>
    /// Runs the comparison. A failing run stops it with that run's exception (not an <see cref="AggregateException"/>);
    /// cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ComparisonResult Run(IReadOnlyList<ComparisonEntry> agents, IReadOnlyList<long> seeds, ComparisonOptions options,
        CancellationToken cancellation = default)
    {
        if (agents.Count == 0) throw new UserInputException("a comparison needs at least one agent");
        if (seeds.Count == 0) throw new UserInputException("a comparison needs at least one seed");
        if (options.Steps is < 1) throw new UserInputException($"steps={options.Steps} is not allowed; allowed: 1 to {long.MaxValue}");
        if (options.Episodes < 1) throw new UserInputException($"episodes={options.Episodes} is not allowed; allowed: 1 to {int.MaxValue}");
        if (!(options.FinalFraction > 0 && options.FinalFraction <= 1))
            throw new UserInputException($"final fraction={options.FinalFraction} is not allowed; allowed: above 0 up to 1");
        if (options.MaxParallelism < 1) throw new UserInputException($"parallelism={options.MaxParallelism} is not allowed; allowed: 1 or more");

        int pairs = agents.Count * seeds.Count;
        var returns = new double[pairs][];
        var steps = new long[pairs];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, pairs, parallel, i =>
            {
                var entry = agents[i / seeds.Count];
                long seed = seeds[i % seeds.Count];
                (returns[i], steps[i]) = RunOne(entry, seed, options, cancellation);
                options.RunCompleted?.Invoke(entry.Label, seed);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle the first failure as if the runs had been serial (a user error, an environment fault).
            var first = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        var summaries = new AgentSummary[agents.Count];
        for (int a = 0; a < agents.Count; a++)
        {
            var perSeed = returns.AsSpan(a * seeds.Count, seeds.Count).ToArray();
            summaries[a] = Summarise(agents[a].Label, perSeed, options) with { EnvStepsPerSeed = steps.AsSpan(a * seeds.Count, seeds.Count).ToArray() };
        }
        return new ComparisonResult(seeds.ToArray(), summaries, options.Confidence);
    }

    private static (double[] Returns, long Steps) RunOne(ComparisonEntry entry, long seed, ComparisonOptions options, CancellationToken cancellation)
    {
        var first = entry.MakeEnv();
        IAgent agent;
        try { agent = entry.MakeAgent(first, Seeds.Agent(seed)); }
        catch
        {
            first.Dispose();
            throw;
        }
        bool firstTaken = false;
        using var trainer = Trainer.Create(() =>
        {
            if (firstTaken) return entry.MakeEnv();
            firstTaken = true;
            return first;
        }, agent, new TrainerOptions
        {
            Seed = seed,
            Episodes = options.Steps is null ? options.Episodes : null,
            Steps = options.Steps,
            Envs = entry.Envs,
            KeepReturns = true,
        });
        var result = trainer.Run(cancellation);
        cancellation.ThrowIfCancellationRequested();
        return ([.. result.Returns!], result.TotalSteps);
    }

    /// <summary>The summary of one agent from its returns per seed (each array one run, episode by episode).</summary>
    public static AgentSummary Summarise(string label, IReadOnlyList<double[]> returnsPerSeed, ComparisonOptions options)
    {
        int n = returnsPerSeed.Count;
        int episodes = returnsPerSeed.Min(r => r.Length);
        var final = new double[n];
        var auc = new double[n];
        for (int k = 0; k < n; k++)
        {
            var r = returnsPerSeed[k].AsSpan(0, episodes);
            int tail = Math.Max(1, (int)Math.Round(episodes * options.FinalFraction));
            final[k] = Statistics.Mean(r[^tail..]);
            auc[k] = Statistics.Mean(r);
        }
        var (mean, half) = Curve(returnsPerSeed, 1, options.Confidence);
        return new AgentSummary(label, Statistics.TInterval(final, options.Confidence), Statistics.TInterval(auc, options.Confidence),
            mean, half, returnsPerSeed);
    }

    /// <summary>
    /// The mean learning curve over seeds and its confidence half-width per episode, each seed's returns first
    /// smoothed by a trailing moving average of <paramref name="smoothing"/> episodes (1 for none). Curves are cut to
    /// the shortest run.
    /// </summary>
    public static (double[] Mean, double[] HalfWidth) Curve(IReadOnlyList<double[]> returnsPerSeed, int smoothing, double confidence = 0.95)
    {
        int n = returnsPerSeed.Count;
        int episodes = returnsPerSeed.Min(r => r.Length);
        var runs = returnsPerSeed.Select(r => smoothing > 1 ? Statistics.MovingAverage(r.AsSpan(0, episodes), smoothing) : r).ToArray();
        var mean = new double[episodes];
        var half = new double[episodes];
        var column = new double[n];
        for (int e = 0; e < episodes; e++)
        {
            for (int k = 0; k < n; k++) column[k] = runs[k][e];
            var interval = Statistics.TInterval(column, confidence);
            mean[e] = interval.Mean;
            half[e] = interval.HalfWidth;
        }
        return (mean, half);
    }
}
