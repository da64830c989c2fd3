using RlGym.Agents.Tabular;
using RlGym.Training.Runs;

namespace RlGym.Cli.Runs;

/// <summary>
/// The run <c>rlgym train</c> makes when no environment is named: FrozenLake-v1 (4x4, slippery) with a tabular
/// agent (Q-learning unless <c>--agent</c> names another), a budget and an exploration schedule measured to pass the
/// 0.70 reward threshold for most seeds in a few seconds.
/// </summary>
/// <remarks>
/// ε falls linearly from 1 to 0 over the first half of the budget, so the agent explores the whole lake while its
/// values are poor and ends acting greedily on values that have settled; α = 0.05 averages the slips out where the
/// table's 0.1 keeps the greedy action flipping between near-equal ones. Settings given with <c>--set</c> win.
/// Measured over seeds 0–9 with <c>rlgym eval DIR --episodes 1000</c>: see the README's table.
/// </remarks>
public static class DefaultRun
{
    /// <summary>The environment of the default run.</summary>
    public const string Env = "FrozenLake-v1";

    /// <summary>The agent of the default run.</summary>
    public const string Agent = QLearningAgent.AgentName;

    /// <summary>Training steps of the default run.</summary>
    public const long Steps = 200_000;

    /// <summary>Training steps of Monte Carlo's default run: whole-episode returns are noisier than TD targets.</summary>
    public const long MonteCarloSteps = 1_000_000;

    /// <summary>Steps over which ε falls from 1 to 0: the first half of <see cref="Steps"/>.</summary>
    public const long DecaySteps = Steps / 2;

    /// <summary>Greedy evaluation every this many episodes, so the log shows the threshold being reached.</summary>
    public const int EvalEvery = 2_000;

    /// <summary>Episodes of each evaluation: enough that the mean is within ±0.03 of the success rate (95%).</summary>
    public const int EvalEpisodes = 1_000;

    /// <summary>
    /// The settings of the default run for <paramref name="agent"/>, or null when it has none (agents that are not
    /// tabular: they need wrappers on FrozenLake and keep their own defaults).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Settings(string agent)
    {
        Dictionary<string, string> common = new()
        {
            ["alpha"] = "0.05",
            ["epsilon"] = "1",
            ["epsilon_schedule"] = "linear",
            ["epsilon_end"] = "0",
            ["epsilon_decay_steps"] = DecaySteps.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        switch (agent)
        {
            case QLearningAgent.AgentName or SarsaAgent.AgentName or ExpectedSarsaAgent.AgentName
                or DoubleQLearningAgent.AgentName or NStepQLearningAgent.AgentName:
                return common;
            case NStepSarsaAgent.AgentName:
                // Four-step Sarsa targets carry too much of the slips' noise for α = 0.05; two steps pass.
                common["n"] = "2";
                return common;
            case MonteCarloAgent.AgentName:
                // Sample averages keep the returns of the first, random episodes forever; a constant α forgets them,
                // and a smaller one over a longer budget averages out the noise of whole-episode returns.
                common["sample_average"] = "false";
                common["alpha"] = "0.02";
                common["epsilon_decay_steps"] = (MonteCarloSteps / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return common;
            default:
                return null;
        }
    }

    /// <summary>Fills in the default run's budget, evaluation and settings where <paramref name="config"/> leaves them unset.</summary>
    public static void Apply(RunConfig config)
    {
        if (Settings(config.Agent) is not { } settings) return;
        if (config.Episodes is null && config.Steps is null) config.Steps = config.Agent == MonteCarloAgent.AgentName ? MonteCarloSteps : Steps;
        foreach (var (key, value) in settings) config.Settings.TryAdd(key, value);
        config.EvalEvery = EvalEvery;
        config.EvalEpisodes = EvalEpisodes;
    }
}
