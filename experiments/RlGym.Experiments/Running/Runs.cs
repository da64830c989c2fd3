using RlGym.Training;

namespace RlGym.Experiments.Running;

/// <summary>
/// Independent runs of an experiment: each seed of the command line gives <c>runsPerSeed</c> runs, and run k gets its
/// own environment and agent seeds derived from (seed, k), so results do not depend on how many run at once.
/// </summary>
public static class Runs
{
    /// <summary>The seed of the k-th run of <paramref name="seed"/> (distinct for every pair).</summary>
    public static long RunSeed(long seed, int k) => Seeds.Derive(seed, 1_000 + k);

    /// <summary>
    /// Calls <paramref name="run"/>(runSeed) for every run of every seed, on up to <paramref name="parallelism"/>
    /// threads, and returns the results in (seed, run) order.
    /// </summary>
    public static T[] Each<T>(IReadOnlyList<long> seeds, int runsPerSeed, int parallelism, CancellationToken cancellation, Func<long, T> run)
    {
        if (seeds.Count == 0) throw new Core.Errors.UserInputException("an experiment needs at least one seed");
        var results = new T[seeds.Count * runsPerSeed];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
        Parallel.For(0, results.Length, options, i => results[i] = run(RunSeed(seeds[i / runsPerSeed], i % runsPerSeed)));
        return results;
    }

    /// <summary>The mean over runs of each position of the runs' arrays (all of the same length).</summary>
    public static double[] MeanCurve(IReadOnlyList<double[]> curves)
    {
        var mean = new double[curves[0].Length];
        foreach (var c in curves)
            for (int i = 0; i < mean.Length; i++) mean[i] += c[i];
        for (int i = 0; i < mean.Length; i++) mean[i] /= curves.Count;
        return mean;
    }

    /// <summary>The episodes 1..n as doubles, the x of a per-episode curve.</summary>
    public static double[] EpisodeAxis(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();
}
