using System.Runtime.CompilerServices;
using RlGym.Agents.Tabular;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Vector;

namespace RlGym.Benchmarking;

/// <summary>
/// The timed loops. Each steps an environment with a precomputed action sequence (its length a power of two) and
/// resets it when an episode ends, as a training loop does; nothing else happens inside.
/// </summary>
/// <remarks>
/// The bare and the wrapped environment are timed through different instantiations of the loop (the
/// <c>TLoop</c> argument, <see cref="BareLoop"/> or <see cref="WrappedLoop"/>), so that each is compiled
/// with a call-site profile that saw only its own environment, as a training loop over one environment is. One shared
/// loop would be compiled for whichever of the two the profile-guided JIT guessed, and the other would pay for it.
/// The wrappers' own code is shared in the same way by every environment with the same observation and action types,
/// so the CLI measures each id in a process of its own (<see cref="BenchOptions.IsolationCommand"/>).
/// </remarks>
internal static class StepLoops
{
    /// <summary>Steps <paramref name="env"/> <paramref name="steps"/> times; returns the episodes that ended.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Single<TObs, TAct, TLoop>(IEnv<TObs, TAct> env, TAct[] actions, long steps)
        where TObs : notnull where TAct : notnull where TLoop : struct
    {
        int mask = actions.Length - 1;
        long episodes = 0;
        for (long i = 0; i < steps; i++)
        {
            var r = env.Step(actions[i & mask]);
            if (r.Terminated || r.Truncated)
            {
                env.Reset();
                episodes++;
            }
        }
        return episodes;
    }

    /// <summary>
    /// Steps the vector env <paramref name="vectorSteps"/> times with rows of <paramref name="actions"/> (rows of K,
    /// their number a power of two); copies reset themselves.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Vector<TAct>(IVectorEnv<TAct> env, TAct[] actions, long vectorSteps) where TAct : notnull
    {
        int k = env.Count, rowMask = actions.Length / k - 1;
        for (long i = 0; i < vectorSteps; i++)
            env.Step(actions.AsSpan((int)(i & rowMask) * k, k));
    }

    /// <summary>Q-learning's loop: act ε-greedily, step, learn from the transition; reset at episode end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Tabular<TLoop>(QLearningAgent agent, IEnv<int, int> env, ref int state, long steps) where TLoop : struct
    {
        int s = state;
        for (long i = 0; i < steps; i++)
        {
            int a = agent.Act(s, explore: true);
            var r = env.Step(a);
            agent.Observe(new Transition<int, int>(s, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            s = r.Terminated || r.Truncated ? env.Reset().Observation : r.Observation;
        }
        state = s;
    }
}

/// <summary>The loop instantiation that times bare environments.</summary>
internal readonly struct BareLoop;

/// <summary>The loop instantiation that times environments as <c>registry.Make</c> returns them.</summary>
internal readonly struct WrappedLoop;
