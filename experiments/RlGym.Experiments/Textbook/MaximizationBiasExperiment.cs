using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Agents.Tabular;
using RlGym.Experiments.Running;
using static RlGym.Experiments.Running.InvariantText;
using RlGym.Envs.ToyText.Textbook;
using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>Settings of <see cref="MaximizationBiasExperiment"/> (<c>--set key=value</c>); the defaults are the book's.</summary>
public sealed record MaximizationBiasSettings
{
    /// <summary>Runs per seed (10 seeds × 1,000 = the book's 10,000 runs).</summary>
    [Description("independent runs per seed (the book averages 10,000 runs: 10 seeds × 1,000)")]
    [Range(1, 1_000_000)]
    public int RunsPerSeed { get; init; } = 1_000;

    /// <summary>ε of both agents.</summary>
    [Description("ε of the ε-greedy behaviour (book: 0.1)")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>α of both agents.</summary>
    [Description("step size α (book: 0.1)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.1;

    /// <summary>Actions in B.</summary>
    [Description("number of actions in B, each ending the episode with reward ~ N(−0.1, 1) (book: 'many'; 10 here)")]
    [Range(2, 10_000)]
    public int BActions { get; init; } = 10;
}

/// <summary>What the runs measured: the share of episodes whose first action (in A) was left, per episode.</summary>
/// <param name="QLearning">Q-learning's share of left from A, episode by episode (0 to 1).</param>
/// <param name="DoubleQLearning">Double Q-learning's.</param>
/// <param name="Runs">Number of runs averaged.</param>
public sealed record MaximizationBiasMeasurement(double[] QLearning, double[] DoubleQLearning, int Runs);

/// <summary>
/// Sutton &amp; Barto Example 6.7 and Figure 6.5: on the maximization-bias MDP, Q-learning at first goes left from A
/// far more often than the ε-greedy optimum of 5% (max over B's noisy estimates is biased upwards), Double
/// Q-learning hardly at all. ε = 0.1, α = 0.1, γ = 1, 300 episodes, 10,000 runs.
/// </summary>
public sealed class MaximizationBiasExperiment : TextbookExperiment
{
    /// <summary>The book's number of episodes.</summary>
    public const int BookEpisodes = 300;

    /// <summary>ε-greedy's share of left when right is greedy: ε / 2 (A has two actions).</summary>
    public const double Optimal = 0.05;

    /// <inheritdoc />
    public override string Name => "maximization-bias";

    /// <inheritdoc />
    public override string Description => "Sutton & Barto Example 6.7 / Figure 6.5: Q-learning vs Double Q-learning on MaximizationBias-v0";

    /// <inheritdoc />
    public override string XLabel => "episodes";

    /// <inheritdoc />
    public override string YLabel => "% left actions from A";

    /// <summary>Runs both agents for <paramref name="episodes"/> episodes in every run.</summary>
    public static MaximizationBiasMeasurement Measure(IReadOnlyList<long> seeds, int episodes, MaximizationBiasSettings settings,
        int parallelism = 1, CancellationToken cancellation = default)
    {
        var q = Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed => RunOne(seed, episodes, settings, env =>
            new QLearningAgent(env.StateCount, env.ActionCount,
                new QLearningOptions { Alpha = settings.Alpha, Epsilon = settings.Epsilon, Gamma = 1 }, Training.Seeds.Agent(seed))));
        var dq = Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed => RunOne(seed, episodes, settings, env =>
            new DoubleQLearningAgent(env.StateCount, env.ActionCount,
                new DoubleQLearningOptions { Alpha = settings.Alpha, Epsilon = settings.Epsilon, Gamma = 1 }, Training.Seeds.Agent(seed))));
        return new MaximizationBiasMeasurement(Runs.MeanCurve(q), Runs.MeanCurve(dq), q.Length);
    }

    private static double[] RunOne<TOptions>(long seed, int episodes, MaximizationBiasSettings settings,
        Func<MaximizationBiasEnv, TabularAgent<TOptions>> create) where TOptions : TabularOptions, new()
    {
        var env = new MaximizationBiasEnv(settings.BActions);
        var agent = create(env);
        // A has two valid actions, B all of them: the agent draws only among A's two.
        agent.RestrictActions(env);
        var left = new double[episodes];
        int s = env.Reset(seed).Observation;
        for (int e = 0; e < episodes; e++)
        {
            if (e > 0) s = env.Reset().Observation;
            var outcome = Episode.Play(env, agent, s, learn: true);
            // From A, right ends at once and left takes a second step in B: the length says which was taken.
            left[e] = outcome.Length == 2 ? 1 : 0;
        }
        return left;
    }

    /// <inheritdoc />
    public override ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default)
    {
        var settings = Core.Settings.SettingsBinder.Bind(new MaximizationBiasSettings(), options.Settings);
        int episodes = options.Episodes ?? BookEpisodes;
        var m = Measure(seeds, episodes, settings, options.MaxParallelism, cancellation);
        var x = Runs.EpisodeAxis(episodes);
        double qPeak = m.QLearning.Max(), dqLater = m.DoubleQLearning.Skip(Math.Min(10, episodes - 1)).Max();
        int tail = Math.Min(50, episodes);
        string notes = (
            I($"Left from A over {m.Runs} runs: episode 1 is a coin flip for both (all values tie at 0); Q-learning then peaks at ") +
            I($"{100 * qPeak:0.0}% (episode {Array.IndexOf(m.QLearning, qPeak) + 1}), Double Q-learning stays at or below ") +
            I($"{100 * dqLater:0.0}% from episode 11; last {tail} episodes: Q-learning {100 * m.QLearning[^tail..].Average():0.0}%, ") +
            I($"Double Q {100 * m.DoubleQLearning[^tail..].Average():0.0}% (S&B Fig. 6.5: Q-learning goes left far more often than the ") +
            I($"5% optimum early on, Double Q-learning hardly; both approach 5%)."));
        return new ExperimentResult(Name,
        [
            new ExperimentSeries("Q-learning", x, m.QLearning.Select(v => 100 * v).ToArray()),
            new ExperimentSeries("Double Q-learning", x, m.DoubleQLearning.Select(v => 100 * v).ToArray()),
            new ExperimentSeries("optimal", x, x.Select(_ => 100 * Optimal).ToArray()),
        ], notes);
    }
}
