using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Whether an environment's spaces fit a policy network, and if not, what to do about it.</summary>
public static class PolicyGradientSpaces
{
    /// <summary>
    /// Null for one-dimensional <see cref="Box"/> observations and <see cref="Discrete"/> actions from 0; otherwise one
    /// line naming the agent, the environment, the space that does not fit and the wrapper to add.
    /// </summary>
    public static string? Refusal(string agent, IEnv env)
    {
        string id = env.Spec?.Id ?? env.Unwrapped.ToString() ?? env.GetType().Name;
        string? observations = env.ObservationSpace switch
        {
            Box { Shape.Count: 1 } => null,
            Box b => $"{agent} needs flat Box observations; {id} has {b}",
            Discrete d => $"{agent} needs Box observations; {id} has {d}: add --wrap one-hot (OneHotObservation)",
            var other => $"{agent} needs Box observations; {id} has {other}, which it cannot read",
        };
        if (observations is not null) return observations;
        return env.ActionSpace switch
        {
            Discrete { Start: 0 } => null,
            Discrete d => $"{agent} needs Discrete actions from 0; {id} has {d}",
            Box b => $"{agent} needs Discrete actions; {id} has {b}: for continuous actions use ppo, trpo, ddpg, td3 or sac",
            var other => $"{agent} needs Discrete actions; {id} has {other}",
        };
    }

    /// <summary>Floats per observation and number of actions (the spaces must pass <see cref="Refusal"/>).</summary>
    public static (int ObservationSize, int ActionCount) Size(IEnv env) =>
        (((Box)env.ObservationSpace).Size, ((Discrete)env.ActionSpace).N);
}
