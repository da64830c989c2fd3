using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Tabular;

/// <summary>Whether an environment's spaces fit a table, and if not, which wrapper of the catalog (if any) would make them fit.</summary>
public static class TabularSpaces
{
    /// <summary>
    /// Null when both spaces are <see cref="Discrete"/> from 0; otherwise one line naming the agent, the environment,
    /// the space that does not fit and the wrapper to add (<c>--wrap discretize</c> for Box observations), or that none
    /// can help.
    /// </summary>
    public static string? Refusal(string agent, IEnv env)
    {
        string id = env.Spec?.Id ?? env.Unwrapped.ToString() ?? env.GetType().Name;
        string? observations = env.ObservationSpace switch
        {
            Discrete { Start: 0 } => null,
            Discrete d => $"{agent} needs Discrete observations from 0; {id} has {d}",
            Box b => $"{agent} needs Discrete observations; {id} has {b}: add --wrap discretize",
            var other => $"{agent} needs Discrete observations; {id} has {other}, which no wrapper turns into a table index",
        };
        if (observations is not null) return observations;
        return env.ActionSpace switch
        {
            Discrete { Start: 0 } => null,
            Discrete d => $"{agent} needs Discrete actions from 0; {id} has {d}",
            // No wrapper of the catalog discretizes actions: a table has one column per action.
            Box b => $"{agent} needs Discrete actions; {id} has {b}: tabular agents cannot handle continuous actions; use ppo, trpo, ddpg, td3 or sac",
            var other => $"{agent} needs Discrete actions; {id} has {other}, which no wrapper turns into a table index",
        };
    }

    /// <summary>The table's size: the number of observations and of actions (the spaces must be Discrete).</summary>
    public static (int States, int Actions) Size(IEnv env) =>
        (((Discrete)env.ObservationSpace).N, ((Discrete)env.ActionSpace).N);
}
