using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Agents.Tabular.Prediction;
using RlGym.Core.Settings;
using RlGym.Envs.ToyText.Textbook;
using RlGym.Experiments.Running;
using static RlGym.Experiments.Running.InvariantText;
using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>Settings of <see cref="RandomWalkExperiment"/> (<c>--set key=value</c>); the defaults are the book's.</summary>
public sealed record RandomWalkSettings
{
    /// <summary>Runs per seed (10 seeds × 10 = the book's 100).</summary>
    [Description("independent runs per seed (the book averages 100 runs: 10 seeds × 10)")]
    [Range(1, 100_000)]
    public int RunsPerSeed { get; init; } = 10;

    /// <summary>Non-terminal states of the walk.</summary>
    [Description("non-terminal states of the random walk (book: 19)")]
    [Range(1, 1_001)]
    public int States { get; init; } = 19;

    /// <summary>The largest n (powers of two from 1).</summary>
    [Description("largest n; the curves are n = 1, 2, 4, ... up to it (book: 512)")]
    [Range(1, 1 << 20)]
    public int MaxN { get; init; } = 512;
}

/// <summary>
/// Sutton &amp; Barto Example 7.1 and Figure 7.2: n-step TD prediction on the 19-state random walk (rewards −1 and
/// +1 at the ends, γ = 1), the RMS error over the states averaged over the first 10 episodes and 100 runs, as a
/// function of α, one curve per n. Intermediate n do best.
/// </summary>
public sealed class RandomWalkExperiment : TextbookExperiment
{
    /// <summary>The book's number of episodes per run.</summary>
    public const int BookEpisodes = 10;

    /// <inheritdoc />
    public override string Name => "random-walk";

    /// <inheritdoc />
    public override string Description => "Sutton & Barto Example 7.1 / Figure 7.2: n-step TD on the 19-state random walk, RMS error against α";

    /// <inheritdoc />
    public override string XLabel => "α";

    /// <inheritdoc />
    public override string YLabel => "average RMS error over 19 states and first 10 episodes";

    /// <summary>The curves, each averaged over every run of every seed.</summary>
    public static IReadOnlyList<NStepTdCurve> Measure(IReadOnlyList<long> seeds, int episodes, RandomWalkSettings settings,
        int parallelism = 1, CancellationToken cancellation = default)
    {
        var ns = new List<int>();
        for (int n = 1; n <= settings.MaxN; n *= 2) ns.Add(n);
        // NStepTdExperiment runs its own runs from one seed; one call per seed, then the mean of the calls.
        var perSeed = Runs.Each(seeds, 1, parallelism, cancellation, seed =>
        {
            var env = new RandomWalkEnv(settings.States);
            return NStepTdExperiment.Run(env, env, new NStepTdExperimentSettings
            {
                Ns = [.. ns], Runs = settings.RunsPerSeed, Episodes = episodes, Seed = seed,
            });
        });
        return ns.Select((n, i) => new NStepTdCurve(n, perSeed[0][i].Alphas,
            Runs.MeanCurve(perSeed.Select(c => c[i].RmsError).ToArray()))).ToArray();
    }

    /// <inheritdoc />
    public override ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default)
    {
        var settings = SettingsBinder.Bind(new RandomWalkSettings(), options.Settings);
        var curves = Measure(seeds, options.Episodes ?? BookEpisodes, settings, options.MaxParallelism, cancellation);
        var best = curves.MinBy(c => c.Minimum)!;
        string notes = (
            I($"Lowest error per n ({seeds.Count * settings.RunsPerSeed} runs): ") +
            string.Join(", ", curves.Select(c => I($"n={c.N}: {c.Minimum:0.000} at α={c.BestAlpha:0.0}"))) +
            I($"; best n = {best.N} (S&B Fig. 7.2: n = 4 best, about 0.25–0.3 near α = 0.4; n = 1 and n ≥ 64 worse)."));
        return new ExperimentResult(Name, curves.Select(c => new ExperimentSeries($"n = {c.N}", c.Alphas, c.RmsError)).ToArray(), notes);
    }
}
