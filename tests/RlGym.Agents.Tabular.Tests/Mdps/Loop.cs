using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Agents.Tabular.Tests.Mdps;

/// <summary>The trainer's loop in miniature for one environment: act, step, observe; reset after the last transition.</summary>
public static class Loop
{
    public static Transition<int, int> T(int s, int a, double r, int next, bool terminated = false, bool truncated = false) =>
        new(s, a, r, next, terminated, truncated);

    /// <summary>Trains for <paramref name="episodes"/> episodes (cut at <paramref name="maxSteps"/> steps, as truncation); a null seed continues the env's stream.</summary>
    public static void Train(IAgent<int, int> agent, IEnv<int, int> env, int episodes, long? seed, int maxSteps = 1000,
        double[]? returns = null)
    {
        int s = env.Reset(seed).Observation;
        for (int e = 0; e < episodes; e++)
        {
            if (e > 0) s = env.Reset().Observation;
            double total = 0;
            for (int t = 1; ; t++)
            {
                int a = agent.Act(s, explore: true);
                var r = env.Step(a);
                bool truncated = !r.Terminated && t >= maxSteps;
                agent.Observe(new Transition<int, int>(s, a, r.Reward, r.Observation, r.Terminated, truncated));
                total += r.Reward;
                s = r.Observation;
                if (r.Terminated || truncated) break;
            }
            if (returns is not null) returns[e] = total;
        }
    }

    /// <summary>The return of one greedy episode (cut at <paramref name="maxSteps"/>).</summary>
    public static double GreedyReturn(IAgent<int, int> agent, IEnv<int, int> env, long seed, int maxSteps = 200)
    {
        int s = env.Reset(seed).Observation;
        double total = 0;
        for (int t = 0; t < maxSteps; t++)
        {
            var r = env.Step(agent.Act(s, explore: false));
            total += r.Reward;
            s = r.Observation;
            if (r.Terminated) break;
        }
        return total;
    }
}
