using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Experiments.Running;

/// <summary>What one episode gave: the sum of its rewards and its number of steps.</summary>
public readonly record struct EpisodeOutcome(double Return, int Length, bool Terminated);

/// <summary>
/// One episode of a tabular agent on a tabular environment, the loop every experiment repeats: act, step, observe
/// (only while learning) until the transition that ends the episode, where the agent learns what it waited for.
/// Allocation-free, so runs are bounded by arithmetic, not the collector.
/// </summary>
public static class Episode
{
    /// <summary>
    /// Plays one episode from <paramref name="start"/> (the reset's observation). Learning (<paramref name="learn"/>)
    /// explores and updates; otherwise the agent acts greedily and is not told anything. Stops after
    /// <paramref name="maxSteps"/> steps (the episode is then truncated).
    /// </summary>
    public static EpisodeOutcome Play(IEnv<int, int> env, IAgent<int, int> agent, int start, bool learn, int maxSteps = int.MaxValue)
    {
        int s = start, steps = 0;
        double total = 0;
        while (true)
        {
            int a = agent.Act(s, explore: learn);
            var step = env.Step(a);
            steps++;
            total += step.Reward;
            bool truncated = step.Truncated || steps >= maxSteps;
            if (learn) agent.Observe(new Transition<int, int>(s, a, step.Reward, step.Observation, step.Terminated, truncated));
            s = step.Observation;
            if (step.Terminated || truncated) return new EpisodeOutcome(total, steps, step.Terminated);
        }
    }

    /// <summary>The states a greedy agent visits from <paramref name="start"/>, the start included, until the end or <paramref name="maxSteps"/>.</summary>
    public static List<int> GreedyPath(IEnv<int, int> env, IAgent<int, int> agent, int start, int maxSteps)
    {
        var path = new List<int> { start };
        int s = start;
        for (int i = 0; i < maxSteps; i++)
        {
            var step = env.Step(agent.Act(s, explore: false));
            s = step.Observation;
            path.Add(s);
            if (step.Terminated || step.Truncated) break;
        }
        return path;
    }
}
