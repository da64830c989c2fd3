using RlGym.Core.Agents;
using RlGym.Training.Evaluation;

namespace RlGym.Agents.ValueBased.Tests;

/// <summary>
/// Trains an agent on a classic-control task and stops when it is solved as Gymnasium defines it: the mean return of
/// 100 greedy evaluation episodes reaches the spec's reward threshold. Every 2 000 environment steps (at the end of the
/// episode that crosses the mark) 10 greedy episodes on a separate environment screen the agent; when they reach the
/// threshold the 100-episode evaluation decides. The policy-gradient tests and SB3's EvalCallback measure the same way.
/// </summary>
internal static class Solving
{
    /// <summary>Checks are this many environment steps apart.</summary>
    public const int CheckEvery = 2_000;

    /// <summary>Environment steps taken by the time the agent was solved, or null when it was not within the budget.</summary>
    public static long? Run(string id, IAgent<float[], int> agent, long seed, long maxSteps)
    {
        using var env = Episodes.Make(id);
        using var evalEnv = Episodes.Make(id);
        double threshold = env.Spec!.RewardThreshold!.Value;
        long steps = 0, nextCheck = CheckEvery;
        int evaluations = 0;
        var obs = env.Reset(seed).Observation;
        while (steps < maxSteps)
        {
            int a = agent.Act(obs, explore: true);
            var r = env.Step(a);
            steps++;
            agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            obs = r.Observation;
            if (!r.Done) continue;
            obs = env.Reset().Observation;
            if (steps < nextCheck) continue;
            nextCheck = steps + CheckEvery;
            evaluations++;
            if (Evaluator.Run(evalEnv, agent, 10, seed + 1_000 * evaluations).Mean < threshold) continue;
            if (Evaluator.Run(evalEnv, agent, 100, seed + 1_000 * evaluations + 500).Mean >= threshold) return steps;
        }
        return null;
    }

    /// <summary>Trains a fresh DQN agent with <paramref name="options"/> until solved or out of budget.</summary>
    public static long? Dqn(string id, DqnOptions options, long seed, long maxSteps)
    {
        using var probe = Episodes.Make(id);
        return Run(id, Episodes.Agent(probe, options, seed), seed, maxSteps);
    }
}
