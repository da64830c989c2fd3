using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Agents.Tabular;
using RlGym.Agents.Tabular.Planning;
using RlGym.Core.Settings;
using RlGym.Envs.ToyText.FrozenLake;
using RlGym.Experiments.Running;
using static RlGym.Experiments.Running.InvariantText;
using RlGym.Training.Comparisons;
using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>Settings of <see cref="FrozenLakeExperiment"/> (<c>--set key=value</c>).</summary>
public sealed record FrozenLakeSettings
{
    /// <summary>Runs per seed.</summary>
    [Description("independent runs per seed")]
    [Range(1, 100_000)]
    public int RunsPerSeed { get; init; } = 1;

    /// <summary>Step size α.</summary>
    [Description("step size α of Q-learning on the slippery lake (small: its targets are noisy)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.05;

    /// <summary>Discount γ (also the planner's).</summary>
    [Description("discount γ of Q-learning and of the planner it is compared with")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>ε on the slippery lake.</summary>
    [Description("ε of the ε-greedy behaviour on the slippery lake")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Greedy evaluation episodes on the slippery lake.</summary>
    [Description("greedy evaluation episodes on the slippery lake (each capped at 100 steps, as FrozenLake-v1)")]
    [Range(1, 10_000_000)]
    public int EvaluationEpisodes { get; init; } = 1_000;

    /// <summary>Training episodes on the deterministic lake.</summary>
    [Description("training episodes on the deterministic lake (is_slippery=false)")]
    [Range(1, 10_000_000)]
    public int DeterministicEpisodes { get; init; } = 2_000;

    /// <summary>α on the deterministic lake.</summary>
    [Description("step size α on the deterministic lake (its targets are not noisy, so large steps converge)")]
    [Range(0.0, 1.0)]
    public double DeterministicAlpha { get; init; } = 0.5;

    /// <summary>ε on the deterministic lake.</summary>
    [Description("ε on the deterministic lake: Q-learning is off-policy, so a wide behaviour still learns Q*")]
    [Range(0.0, 1.0)]
    public double DeterministicEpsilon { get; init; } = 0.5;

    /// <summary>Episodes of the moving average drawn.</summary>
    [Description("episodes of the trailing moving average of the success curves")]
    [Range(1, 100_000)]
    public int Smoothing { get; init; } = 100;
}

/// <summary>One run's results.</summary>
/// <param name="SlipperySuccess">Greedy success rate on 4x4 slippery after training.</param>
/// <param name="SlipperyCurve">Online success (0 or 1) per training episode on the slippery lake.</param>
/// <param name="DeterministicMaxError">max |Q*(s,a) − Q(s,a)| over the visited non-terminal states, every action.</param>
/// <param name="DeterministicGreedyOptimal">True when, in every visited non-terminal state, the greedy action is optimal (Q* of it equals V*).</param>
/// <param name="DeterministicCurve">Online success per training episode on the deterministic lake.</param>
public sealed record FrozenLakeRun(double SlipperySuccess, double[] SlipperyCurve, double DeterministicMaxError, bool DeterministicGreedyOptimal,
    double[] DeterministicCurve);

/// <summary>
/// Q-learning on Gymnasium's FrozenLake 4x4: on the slippery lake its greedy policy reaches the registry's reward
/// threshold (0.70 success; the best possible within 100 steps is about 0.74), and on the deterministic lake its Q
/// table approaches the optimal Q* that value iteration computes from the model.
/// </summary>
public sealed class FrozenLakeExperiment : TextbookExperiment
{
    /// <summary>Training episodes on the slippery lake unless <c>--episodes</c> says otherwise.</summary>
    public const int DefaultEpisodes = 40_000;

    /// <summary>FrozenLake-v1's time limit.</summary>
    public const int MaxEpisodeSteps = 100;

    /// <summary>FrozenLake-v1's reward threshold.</summary>
    public const double RewardThreshold = 0.70;

    /// <inheritdoc />
    public override string Name => "frozen-lake";

    /// <inheritdoc />
    public override string Description => "Q-learning on FrozenLake-v1 4x4: slippery success ≥ 0.70; deterministic Q → value iteration's Q*";

    /// <inheritdoc />
    public override string XLabel => "episodes";

    /// <inheritdoc />
    public override string YLabel => "success rate (moving average)";

    /// <summary>Trains and evaluates every run; <paramref name="episodes"/> are the slippery lake's training episodes.</summary>
    public static FrozenLakeRun[] Measure(IReadOnlyList<long> seeds, int episodes, FrozenLakeSettings settings,
        int parallelism = 1, CancellationToken cancellation = default) =>
        Runs.Each(seeds, settings.RunsPerSeed, parallelism, cancellation, seed => RunOne(seed, episodes, settings));

    private static FrozenLakeRun RunOne(long seed, int episodes, FrozenLakeSettings settings)
    {
        // Slippery: train, then count greedy successes over fresh episodes (the evaluation env has its own seed).
        var slippery = new FrozenLakeEnv("4x4", isSlippery: true);
        var agent = new QLearningAgent(slippery.StateCount, slippery.ActionCount,
            new QLearningOptions { Alpha = settings.Alpha, Gamma = settings.Gamma, Epsilon = settings.Epsilon }, Training.Seeds.Agent(seed));
        var curve = Train(slippery, agent, seed, episodes);
        var evaluation = new FrozenLakeEnv("4x4", isSlippery: true);
        int s = evaluation.Reset(Training.Seeds.Evaluation(seed)).Observation, successes = 0;
        for (int e = 0; e < settings.EvaluationEpisodes; e++)
        {
            if (e > 0) s = evaluation.Reset().Observation;
            if (Episode.Play(evaluation, agent, s, learn: false, MaxEpisodeSteps).Return > 0) successes++;
        }

        // Deterministic: Q-learning's table against Q* = value iteration on the same model and γ.
        var lake = new FrozenLakeEnv("4x4", isSlippery: false);
        var plan = ValueIteration.Solve(lake, settings.Gamma, 1e-12);
        var learner = new QLearningAgent(lake.StateCount, lake.ActionCount,
            new QLearningOptions { Alpha = settings.DeterministicAlpha, Gamma = settings.Gamma, Epsilon = settings.DeterministicEpsilon },
            Training.Seeds.Agent(seed) + 1);
        var visited = new bool[lake.StateCount];
        var deterministicCurve = Train(lake, learner, seed, settings.DeterministicEpisodes, visited);
        double maxError = 0;
        bool greedyOptimal = true;
        for (int state = 0; state < lake.StateCount; state++)
        {
            if (!visited[state] || lake.IsTerminal(state)) continue;
            for (int a = 0; a < lake.ActionCount; a++) maxError = Math.Max(maxError, Math.Abs(plan.Q[state, a] - learner.Q[state, a]));
            int greedy = learner.Act(state, explore: false);
            greedyOptimal &= Math.Abs(plan.Q[state, greedy] - plan.Values[state]) < 1e-9;
        }
        return new FrozenLakeRun((double)successes / settings.EvaluationEpisodes, curve, maxError, greedyOptimal, deterministicCurve);
    }

    private static double[] Train(FrozenLakeEnv env, QLearningAgent agent, long seed, int episodes, bool[]? visited = null)
    {
        var success = new double[episodes];
        int s = env.Reset(seed).Observation;
        for (int e = 0; e < episodes; e++)
        {
            if (e > 0) s = env.Reset().Observation;
            if (visited is null)
            {
                success[e] = Episode.Play(env, agent, s, learn: true, MaxEpisodeSteps).Return > 0 ? 1 : 0;
                continue;
            }
            // The same loop as Episode.Play, noting the states seen.
            for (int t = 1; ; t++)
            {
                visited[s] = true;
                int a = agent.Act(s, explore: true);
                var step = env.Step(a);
                bool truncated = t >= MaxEpisodeSteps;
                agent.Observe(new(s, a, step.Reward, step.Observation, step.Terminated, truncated));
                s = step.Observation;
                if (step.Terminated || truncated)
                {
                    success[e] = step.Reward > 0 ? 1 : 0;
                    break;
                }
            }
        }
        return success;
    }

    /// <inheritdoc />
    public override ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default)
    {
        var settings = SettingsBinder.Bind(new FrozenLakeSettings(), options.Settings);
        int episodes = options.Episodes ?? DefaultEpisodes;
        var runs = Measure(seeds, episodes, settings, options.MaxParallelism, cancellation);
        var slippery = Statistics.MovingAverage(Runs.MeanCurve(runs.Select(r => r.SlipperyCurve).ToArray()), settings.Smoothing);
        var deterministic = Statistics.MovingAverage(Runs.MeanCurve(runs.Select(r => r.DeterministicCurve).ToArray()), settings.Smoothing);
        string notes = (
            I($"Slippery 4x4 greedy success over {settings.EvaluationEpisodes} episodes: mean {runs.Average(r => r.SlipperySuccess):0.000}, ") +
            I($"min {runs.Min(r => r.SlipperySuccess):0.000}, {runs.Count(r => r.SlipperySuccess >= RewardThreshold)}/{runs.Length} runs ≥ {RewardThreshold} ") +
            "(FrozenLake-v1 threshold 0.70; the optimum within 100 steps is about 0.74). " +
            I($"Deterministic 4x4: max |Q* − Q| over visited states {runs.Max(r => r.DeterministicMaxError):0.0e0}, ") +
            I($"greedy policy optimal in {runs.Count(r => r.DeterministicGreedyOptimal)}/{runs.Length} runs."));
        return new ExperimentResult(Name,
        [
            new ExperimentSeries("Q-learning, slippery", Runs.EpisodeAxis(episodes), slippery),
            new ExperimentSeries("Q-learning, deterministic", Runs.EpisodeAxis(settings.DeterministicEpisodes), deterministic),
        ], notes);
    }
}
