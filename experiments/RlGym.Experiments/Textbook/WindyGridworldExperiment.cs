using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Agents.Tabular;
using RlGym.Core.Settings;
using RlGym.Envs.ToyText.Textbook;
using RlGym.Experiments.Running;
using static RlGym.Experiments.Running.InvariantText;
using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>Settings of <see cref="WindyGridworldExperiment"/> (<c>--set key=value</c>); the defaults are the book's.</summary>
public sealed record WindyGridworldSettings
{
    /// <summary>Runs per seed; the book's figure is one run.</summary>
    [Description("independent runs per seed (the book's figure is a single run; the curve averages all runs)")]
    [Range(1, 100_000)]
    public int RunsPerSeed { get; init; } = 1;

    /// <summary>Time steps of each run.</summary>
    [Description("time steps of each run (book: 8,000); the episode under way at the end is finished but not drawn")]
    [Range(1, 10_000_000)]
    public int Steps { get; init; } = 8_000;

    /// <summary>ε of Sarsa.</summary>
    [Description("ε of the ε-greedy behaviour (book: 0.1)")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>α of Sarsa.</summary>
    [Description("step size α (book: 0.5)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.5;
}

/// <summary>What the runs measured.</summary>
/// <param name="EpisodesCompleted">Episodes completed by each time step 1..Steps, averaged over runs.</param>
/// <param name="EpisodeLengths">Each run's online episode lengths, in order.</param>
/// <param name="GreedyLengths">Each run's greedy episode length after training (the cap when it never arrives).</param>
public sealed record WindyGridworldMeasurement(double[] EpisodesCompleted, IReadOnlyList<int>[] EpisodeLengths, int[] GreedyLengths);

/// <summary>
/// Sutton &amp; Barto Example 6.5: ε-greedy Sarsa (ε = 0.1, α = 0.5, γ = 1, Q = 0) on the windy gridworld. The
/// figure plots episodes completed against time steps: the slope rises as episodes shorten; by 8,000 steps (about
/// 170 episodes) the greedy policy takes the optimal 15 steps and exploration keeps episodes near 17.
/// </summary>
public sealed class WindyGridworldExperiment : TextbookExperiment
{
    /// <summary>The shortest path from S to G.</summary>
    public const int OptimalLength = 15;

    /// <summary>
    /// The book's "about 17": the expected episode length of the best ε-soft policy (ε = 0.1), from the model.
    /// </summary>
    public static double EpsilonGreedyOptimum { get; } = EpsilonSoftOptimalLength(new WindyGridworldEnv(), 0.1);

    /// <summary>
    /// Expected steps from the start under the best ε-soft policy, which is what ε-greedy Sarsa converges to:
    /// V(s) = (1 − ε) max_a Q(s,a) + ε mean_a Q(s,a), with Q(s,a) = Σ p (r + V(s')) and a reward of −1 per step.
    /// </summary>
    public static double EpsilonSoftOptimalLength(WindyGridworldEnv env, double epsilon)
    {
        var v = new double[env.StateCount];
        for (double change = double.PositiveInfinity; change > 1e-12;)
        {
            change = 0;
            for (int s = 0; s < env.StateCount; s++)
            {
                if (env.IsTerminal(s)) continue;
                double max = double.NegativeInfinity, sum = 0;
                for (int a = 0; a < env.ActionCount; a++)
                {
                    double q = 0;
                    foreach (var o in env.Outcomes(s, a)) q += o.Probability * (o.Reward + (o.Terminal ? 0 : v[o.NextState]));
                    max = Math.Max(max, q);
                    sum += q;
                }
                double updated = (1 - epsilon) * max + epsilon * sum / env.ActionCount;
                change = Math.Max(change, Math.Abs(updated - v[s]));
                v[s] = updated;
            }
        }
        return -v[WindyGridworldEnv.StartState];
    }

    /// <summary>Greedy walks longer than this are counted as never arriving.</summary>
    public const int GreedyCap = 1_000;

    /// <inheritdoc />
    public override string Name => "windy-gridworld";

    /// <inheritdoc />
    public override string Description =>
        "Sutton & Barto Example 6.5: Sarsa on WindyGridworld-v0, episodes completed against time steps (--set steps=N; --episodes is not used)";

    /// <inheritdoc />
    public override string XLabel => "time steps";

    /// <inheritdoc />
    public override string YLabel => "episodes";

    /// <summary>Runs Sarsa for <see cref="WindyGridworldSettings.Steps"/> steps in every run.</summary>
    public static WindyGridworldMeasurement Measure(IReadOnlyList<long> seeds, WindyGridworldSettings settings,
        int parallelism = 1, CancellationToken cancellation = default)
    {
        var runs = Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed => RunOne(seed, settings));
        return new WindyGridworldMeasurement(
            Runs.MeanCurve(runs.Select(r => r.Completed).ToArray()),
            runs.Select(r => (IReadOnlyList<int>)r.Lengths).ToArray(),
            runs.Select(r => r.Greedy).ToArray());
    }

    private static (double[] Completed, List<int> Lengths, int Greedy) RunOne(long seed, WindyGridworldSettings settings)
    {
        var env = new WindyGridworldEnv();
        var agent = new SarsaAgent(env.StateCount, env.ActionCount,
            new SarsaOptions { Alpha = settings.Alpha, Epsilon = settings.Epsilon, Gamma = 1 }, Training.Seeds.Agent(seed));
        var completed = new double[settings.Steps];
        var lengths = new List<int>();
        int t = 0, s = env.Reset(seed).Observation;
        while (t < settings.Steps)
        {
            if (lengths.Count > 0) s = env.Reset().Observation;
            int length = Episode.Play(env, agent, s, learn: true).Length;
            // Time steps t+1 .. t+length−1 still count the episodes before this one; its last step completes it.
            for (int i = t; i < Math.Min(t + length, settings.Steps); i++) completed[i] = lengths.Count;
            t += length;
            if (t <= settings.Steps) completed[t - 1] = lengths.Count + 1;
            lengths.Add(length);
        }
        var greedy = Episode.Play(env, agent, env.Reset().Observation, learn: false, maxSteps: GreedyCap);
        return (completed, lengths, greedy.Terminated ? greedy.Length : GreedyCap);
    }

    /// <inheritdoc />
    public override ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default)
    {
        var settings = SettingsBinder.Bind(new WindyGridworldSettings(), options.Settings);
        var m = Measure(seeds, settings, options.MaxParallelism, cancellation);
        var x = Enumerable.Range(1, settings.Steps).Select(i => (double)i).ToArray();
        double lastOnline = m.EpisodeLengths.Average(l => l.Skip(Math.Max(0, l.Count - 50)).Average());
        string notes = (
            I($"After {settings.Steps} steps ({m.GreedyLengths.Length} runs): {m.EpisodesCompleted[^1]:0.0} episodes completed, ") +
            I($"greedy policy reaches the goal in {m.GreedyLengths.Count(g => g < GreedyCap)}/{m.GreedyLengths.Length} runs (shortest {m.GreedyLengths.Min()}, median {Median(m.GreedyLengths)} steps), online mean of the last 50 episodes {lastOnline:0.0} steps ") +
            I($"(S&B Example 6.5: about 170 episodes by 8,000 steps, greedy 15 steps, about 17 with exploration; the ε-soft optimum is {EpsilonGreedyOptimum:0.00})."));
        return new ExperimentResult(Name, [new ExperimentSeries("Sarsa", x, m.EpisodesCompleted)], notes);
    }

    private static int Median(int[] values) => values.Order().ElementAt(values.Length / 2);
}
