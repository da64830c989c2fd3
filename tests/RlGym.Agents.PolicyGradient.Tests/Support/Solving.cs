using RlGym.Agents.PolicyGradient;
using RlGym.Agents.Testing;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Training.Evaluation;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Trains an agent on a classic-control task with the test loop over K copies and stops when it is solved as
/// Gymnasium defines it: the mean return of 100 greedy evaluation episodes reaches the spec's reward threshold. Every
/// 2 000 environment steps (counting all K copies), at the end of copy 0's next episode, 10 greedy episodes screen the
/// agent; when they reach the threshold the 100-episode evaluation decides.
/// </summary>
public static class Solving
{
    /// <summary>Checks are this many environment steps apart.</summary>
    public const int CheckEvery = 2_000;

    /// <summary>The registry of the classic-control environments.</summary>
    public static EnvRegistry Registry { get; } = new EnvRegistry().Add(new ClassicControlEnvironments());

    /// <summary>Makes an environment with its time limit.</summary>
    public static IEnv<float[], int> Make(string id) => Registry.Make<float[], int>(id);

    /// <summary>
    /// Environment steps (of all copies) taken by the time the agent was solved (null when not within the budget), and
    /// the episodes. The agent trains on <paramref name="copies"/> copies (its default when null: A2C's, else 1)
    /// stepped by the test loop with next-step autoreset.
    /// </summary>
    public static (long? Steps, int Episodes) Run(string id, IAgent<float[], int> agent, long seed, long maxSteps,
        int maxEpisodes = int.MaxValue, int? copies = null)
    {
        using var evalEnv = Make(id);
        double threshold = evalEnv.Spec!.RewardThreshold!.Value;
        var loop = new VectorLoop<float[], int>(copies ?? (agent is A2CAgent<int> ? A2CAgent.DefaultEnvs : 1), _ => Make(id), seed);
        long nextCheck = CheckEvery;
        int evaluations = 0;
        while (loop.Steps < maxSteps && loop.Returns.Count < maxEpisodes)
        {
            loop.Step(agent);
            if (!loop.Ended(0) || loop.Steps < nextCheck) continue;
            nextCheck = loop.Steps + CheckEvery;
            evaluations++;
            if (Evaluator.Run(evalEnv, agent, 10, seed + 1_000 * evaluations).Mean < threshold) continue;
            if (Evaluator.Run(evalEnv, agent, 100, seed + 1_000 * evaluations + 500).Mean >= threshold) return (loop.Steps, loop.Returns.Count);
        }
        return (null, loop.Returns.Count);
    }

    /// <summary>An A2C agent for the environment's spaces.</summary>
    public static A2CAgent<int> A2C(string id, long seed, A2COptions? options = null)
    {
        using var probe = Make(id);
        var (n, actions) = (((RlGym.Core.Spaces.Box)probe.ObservationSpace).Size, ((RlGym.Core.Spaces.Discrete)probe.ActionSpace).N);
        return new A2CAgent<int>(n, new CategoricalHead(actions), options, seed);
    }

    /// <summary>The median of some numbers, a missing one counting as +∞.</summary>
    public static double Median(IEnumerable<long?> values)
    {
        var sorted = values.Select(v => v is { } x ? (double)x : double.PositiveInfinity).Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
