using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Agents.Tabular;
using RlGym.Core.Agents;
using RlGym.Core.Settings;
using RlGym.Envs.ToyText.CliffWalking;
using RlGym.Experiments.Running;
using static RlGym.Experiments.Running.InvariantText;
using RlGym.Training.Comparisons;
using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>Settings of <see cref="CliffWalkingExperiment"/> (<c>--set key=value</c>); the defaults are the book's.</summary>
public sealed record CliffWalkingSettings
{
    /// <summary>Runs per seed; the curves are averaged over all runs.</summary>
    [Description("independent runs per seed (curves are averaged over all of them)")]
    [Range(1, 100_000)]
    public int RunsPerSeed { get; init; } = 10;

    /// <summary>ε of both agents.</summary>
    [Description("ε of the ε-greedy behaviour of both agents (book: 0.1)")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>α of both agents.</summary>
    [Description("step size α of both agents (book: 0.5)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.5;

    /// <summary>Episodes of the trailing moving average drawn.</summary>
    [Description("episodes of the trailing moving average applied to the mean curve (the book's figure is smoothed)")]
    [Range(1, 1_000)]
    public int Smoothing { get; init; } = 10;
}

/// <summary>What the cliff-walking runs measured, before smoothing.</summary>
/// <param name="Sarsa">Sarsa's sum of rewards per episode, averaged over runs.</param>
/// <param name="QLearning">Q-learning's, likewise.</param>
/// <param name="SarsaPaths">Each run's greedy path after training (states from the start).</param>
/// <param name="QLearningPaths">Likewise for Q-learning.</param>
public sealed record CliffWalkingMeasurement(double[] Sarsa, double[] QLearning, IReadOnlyList<int>[] SarsaPaths, IReadOnlyList<int>[] QLearningPaths)
{
    /// <summary>The mean of the last <paramref name="episodes"/> episodes of a curve.</summary>
    public static double Tail(double[] curve, int episodes) => curve[^Math.Min(episodes, curve.Length)..].Average();

    /// <summary>The highest row (0 is the top) a path goes through, the cliff-side row being 2.</summary>
    public static int TopRow(IReadOnlyList<int> path) => path.Min(s => s / CliffWalkingEnv.GridColumns);

    /// <summary>True when the path ends at the goal.</summary>
    public static bool Reaches(IReadOnlyList<int> path) => path[^1] == CliffWalkingEnv.GoalState;
}

/// <summary>
/// Sutton &amp; Barto Example 6.6 and Figure 6.4: Sarsa and Q-learning, ε-greedy with ε = 0.1, α = 0.5, γ = 1, on
/// CliffWalking for 500 episodes. Q-learning learns the optimal path along the cliff's edge but, exploring, falls
/// off it now and then; Sarsa learns the longer safe path and collects more reward online.
/// </summary>
public sealed class CliffWalkingExperiment : TextbookExperiment
{
    /// <summary>The book's number of episodes.</summary>
    public const int BookEpisodes = 500;

    /// <inheritdoc />
    public override string Name => "cliff-walking";

    /// <inheritdoc />
    public override string Description => "Sutton & Barto Example 6.6 / Figure 6.4: Sarsa vs Q-learning on CliffWalking-v1 (ε = 0.1, α = 0.5)";

    /// <inheritdoc />
    public override string XLabel => "episodes";

    /// <inheritdoc />
    public override string YLabel => "sum of rewards during episode";

    /// <summary>Figure 6.4's range.</summary>
    public override (double Low, double High)? YLimits => (-100, 0);

    /// <summary>Runs Sarsa and Q-learning for <paramref name="episodes"/> episodes in every run.</summary>
    public static CliffWalkingMeasurement Measure(IReadOnlyList<long> seeds, int episodes, CliffWalkingSettings settings,
        int parallelism = 1, CancellationToken cancellation = default)
    {
        var sarsa = Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed =>
            RunOne(new SarsaAgent(CliffWalkingEnv.GridRows * CliffWalkingEnv.GridColumns, 4,
                new SarsaOptions { Alpha = settings.Alpha, Epsilon = settings.Epsilon, Gamma = 1 }, Training.Seeds.Agent(seed)), seed, episodes));
        var q = Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed =>
            RunOne(new QLearningAgent(CliffWalkingEnv.GridRows * CliffWalkingEnv.GridColumns, 4,
                new QLearningOptions { Alpha = settings.Alpha, Epsilon = settings.Epsilon, Gamma = 1 }, Training.Seeds.Agent(seed)), seed, episodes));
        return new CliffWalkingMeasurement(
            Runs.MeanCurve(sarsa.Select(r => r.Returns).ToArray()), Runs.MeanCurve(q.Select(r => r.Returns).ToArray()),
            sarsa.Select(r => r.Path).ToArray(), q.Select(r => r.Path).ToArray());
    }

    private static (double[] Returns, IReadOnlyList<int> Path) RunOne(IAgent<int, int> agent, long seed, int episodes)
    {
        var env = new CliffWalkingEnv();
        var returns = new double[episodes];
        int start = env.Reset(seed).Observation;
        for (int e = 0; e < episodes; e++)
        {
            if (e > 0) start = env.Reset().Observation;
            returns[e] = Episode.Play(env, agent, start, learn: true).Return;
        }
        // 48 steps visit every cell; a longer greedy walk is going round in circles.
        return (returns, Episode.GreedyPath(env, agent, env.Reset().Observation, 48));
    }

    /// <inheritdoc />
    public override ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default)
    {
        var settings = SettingsBinder.Bind(new CliffWalkingSettings(), options.Settings);
        int episodes = options.Episodes ?? BookEpisodes;
        var m = Measure(seeds, episodes, settings, options.MaxParallelism, cancellation);
        // Rows of the greedy paths that reach the goal (a greedy policy may also loop where Q has not settled).
        var sarsaRows = m.SarsaPaths.Where(CliffWalkingMeasurement.Reaches).Select(CliffWalkingMeasurement.TopRow).ToArray();
        var qRows = m.QLearningPaths.Where(CliffWalkingMeasurement.Reaches).Select(CliffWalkingMeasurement.TopRow).ToArray();
        string notes = (
            I($"Mean sum of rewards over the last 100 episodes ({m.SarsaPaths.Length} runs): Sarsa {CliffWalkingMeasurement.Tail(m.Sarsa, 100):0.0}, ") +
            I($"Q-learning {CliffWalkingMeasurement.Tail(m.QLearning, 100):0.0} (S&B Fig. 6.4: Sarsa ≈ −25, Q-learning ≈ −50). ") +
            I($"Greedy paths reaching the goal: Sarsa {sarsaRows.Length}/{m.SarsaPaths.Length} (highest row {Histogram(sarsaRows)}), ") +
            I($"Q-learning {qRows.Length}/{m.QLearningPaths.Length} (highest row {Histogram(qRows)}) ") +
            "(book: Sarsa the safe path near the top, Q-learning the optimal path in row 2 along the cliff, 13 steps).");
        return new ExperimentResult(Name,
        [
            new ExperimentSeries("Sarsa", Runs.EpisodeAxis(episodes), Statistics.MovingAverage(m.Sarsa, settings.Smoothing)),
            new ExperimentSeries("Q-learning", Runs.EpisodeAxis(episodes), Statistics.MovingAverage(m.QLearning, settings.Smoothing)),
        ], notes);
    }

    private static string Histogram(int[] rows) =>
        string.Join(", ", rows.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"row {g.Key}: {g.Count()}"));
}
