using RlGym.Agents.ValueBased;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Training.Evaluation;

namespace RlGym.Agents.ValueBased.Tests;

/// <summary>The trainer's loop written out, so tests can train an agent for a number of steps and evaluate it greedily.</summary>
internal static class Episodes
{
    public static readonly EnvRegistry Registry = new EnvRegistry().Add(new ClassicControlEnvironments());

    public static IEnv<float[], int> Make(string id) => Registry.Make<float[], int>(id);

    public static DqnAgent Agent(IEnv<float[], int> env, DqnOptions options, long seed) =>
        new(((Core.Spaces.Box)env.ObservationSpace).Size, ((Core.Spaces.Discrete)env.ActionSpace).N, options, seed);

    /// <summary>Trains for <paramref name="steps"/> environment steps; returns the training episodes' returns.</summary>
    public static List<double> Train(IEnv<float[], int> env, IAgent<float[], int> agent, long steps, long seed)
    {
        var returns = new List<double>();
        var obs = env.Reset(seed).Observation;
        double ret = 0;
        for (long t = 0; t < steps; t++)
        {
            int a = agent.Act(obs, explore: true);
            var r = env.Step(a);
            agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            ret += r.Reward;
            obs = r.Observation;
            if (!r.Done) continue;
            returns.Add(ret);
            ret = 0;
            obs = env.Reset().Observation;
        }
        return returns;
    }

    /// <summary>Trains a fresh agent on <paramref name="id"/> and returns its greedy mean over <paramref name="episodes"/> episodes.</summary>
    public static double TrainAndEvaluate(string id, DqnOptions options, long steps, long seed, int episodes = 100)
    {
        using var env = Make(id);
        var agent = Agent(env, options, seed);
        Train(env, agent, steps, seed);
        using var evalEnv = Make(id);
        return Evaluator.Run(evalEnv, agent, episodes, seed + 1000).Mean;
    }
}
