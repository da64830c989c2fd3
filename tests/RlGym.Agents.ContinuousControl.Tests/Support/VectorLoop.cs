using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;

namespace RlGym.Agents.ContinuousControl.Tests.Support;

/// <summary>
/// A small stand-in for the trainer's loop, so learning tests do not depend on it: K copies of a registered
/// environment, copy i reset with seed + i, one batch Act per vector step, Gymnasium's next-step autoreset (the step
/// after a copy's episode ended resets it and yields no transition), transitions tagged with their copy.
/// </summary>
internal static class VectorLoop
{
    public static EnvRegistry Registry() => new EnvRegistry().Add(new ClassicControlEnvironments());

    /// <summary>Trains for <paramref name="envSteps"/> environment steps (every copy's step counts, resets included).</summary>
    public static void Train<TAct>(string id, IAgent<float[], TAct> agent, int copies, long envSteps, long seed) where TAct : notnull
    {
        var registry = Registry();
        var envs = Enumerable.Range(0, copies).Select(_ => (IEnv<float[], TAct>)registry.Make(id)).ToArray();
        var observations = new float[copies][];
        var actions = new TAct[copies];
        var needsReset = new bool[copies];
        var transitions = new List<Transition<float[], TAct>>(copies);
        for (int i = 0; i < copies; i++) observations[i] = (float[])envs[i].Reset(seed + i).Observation.Clone();
        for (long done = 0; done < envSteps; done += copies)
        {
            agent.Act(observations, actions);
            transitions.Clear();
            for (int i = 0; i < copies; i++)
            {
                if (needsReset[i])
                {
                    observations[i] = (float[])envs[i].Reset().Observation.Clone();
                    needsReset[i] = false;
                    continue;
                }
                var r = envs[i].Step(actions[i]);
                var next = (float[])r.Observation.Clone();
                transitions.Add(new Transition<float[], TAct>(observations[i], actions[i], r.Reward, next, r.Terminated, r.Truncated, i));
                observations[i] = next;
                needsReset[i] = r.Terminated || r.Truncated;
            }
            agent.Observe(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(transitions));
        }
    }

    /// <summary>Mean return of <paramref name="episodes"/> greedy episodes, episode e reset with seed + e.</summary>
    public static double Evaluate<TAct>(string id, IAgent<float[], TAct> agent, int episodes, long seed) where TAct : notnull
    {
        var env = (IEnv<float[], TAct>)Registry().Make(id);
        double total = 0;
        for (int e = 0; e < episodes; e++)
        {
            var obs = env.Reset(seed + e).Observation;
            while (true)
            {
                var r = env.Step(agent.Act(obs, explore: false));
                total += r.Reward;
                if (r.Terminated || r.Truncated) break;
                obs = r.Observation;
            }
        }
        return total / episodes;
    }
}
