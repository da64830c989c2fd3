using RlGym.Agents.PolicyGradient;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Training.Evaluation;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Trains an agent on a classic-control task with the trainer's loop and stops when it is solved as Gymnasium
/// defines it: the mean return of 100 greedy evaluation episodes reaches the spec's reward threshold. Every 2 000
/// environment steps (counting all of A2C's K environments) 10 greedy episodes screen the agent; when they reach the
/// threshold the 100-episode evaluation decides.
/// </summary>
public static class Solving
{
    /// <summary>Checks are this many environment steps apart.</summary>
    public const int CheckEvery = 2_000;

    /// <summary>The registry of the classic-control environments.</summary>
    public static EnvRegistry Registry { get; } = new EnvRegistry().Add(new ClassicControlEnvironments());

    /// <summary>Makes an environment with its time limit.</summary>
    public static IEnv<float[], int> Make(string id) => Registry.Make<float[], int>(id);

    /// <summary>Environment steps taken by the time the agent was solved (null when not within the budget), and the episodes.</summary>
    public static (long? Steps, int Episodes) Run(string id, IAgent<float[], int> agent, long seed, long maxSteps, int maxEpisodes = int.MaxValue)
    {
        using var env = Make(id);
        using var evalEnv = Make(id);
        double threshold = env.Spec!.RewardThreshold!.Value;
        long steps = 0, nextCheck = CheckEvery;
        int episodes = 0, evaluations = 0;
        var obs = env.Reset(seed).Observation;
        while (EnvironmentSteps(agent, steps) < maxSteps && episodes < maxEpisodes)
        {
            int a = agent.Act(obs, explore: true);
            var r = env.Step(a);
            steps++;
            agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            obs = r.Observation;
            if (!r.Done) continue;
            agent.EndEpisode();
            episodes++;
            obs = env.Reset().Observation;
            long total = EnvironmentSteps(agent, steps);
            if (total < nextCheck) continue;
            nextCheck = total + CheckEvery;
            evaluations++;
            if (Evaluator.Run(evalEnv, agent, 10, seed + 1_000 * evaluations).Mean < threshold) continue;
            if (Evaluator.Run(evalEnv, agent, 100, seed + 1_000 * evaluations + 500).Mean >= threshold) return (total, episodes);
        }
        return (null, episodes);
    }

    private static long EnvironmentSteps(IAgent<float[], int> agent, long steps) => agent is A2CAgent a2c ? a2c.EnvironmentSteps : steps;

    /// <summary>An A2C agent with its K − 1 copies made as the factory makes them.</summary>
    public static A2CAgent A2C(string id, long seed, A2COptions? options = null)
    {
        using var probe = Make(id);
        var (n, actions) = PolicyGradientSpaces.Size(probe);
        return new A2CAgent(n, actions, options, seed, EnvCopies.Maker(probe, A2CAgent.AgentName));
    }

    /// <summary>The median of some numbers, a missing one counting as +∞.</summary>
    public static double Median(IEnumerable<long?> values)
    {
        var sorted = values.Select(v => v is { } x ? (double)x : double.PositiveInfinity).Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
