using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Core.Agents;

/// <summary>Which observation spaces an agent reads.</summary>
public enum ObservationRequirement
{
    /// <summary>Discrete from 0: a table index (tabular agents). Box observations need <c>--wrap discretize</c>.</summary>
    Discrete,

    /// <summary>A flat (1-D) Box: a network's input. Discrete observations need <c>--wrap one-hot</c>.</summary>
    FlatBox,
}

/// <summary>Which action spaces an agent chooses in.</summary>
public enum ActionRequirement
{
    /// <summary>Discrete from 0.</summary>
    Discrete,

    /// <summary>Discrete from 0, or a flat Box (a categorical or a Gaussian policy).</summary>
    DiscreteOrFlatBox,

    /// <summary>A bounded flat Box (deterministic or squashed policies scale to the bounds).</summary>
    BoundedFlatBox,
}

/// <summary>
/// The spaces an agent family accepts, and the one line that refuses an environment outside them, naming the wrapper or
/// the agents that would work. Every agent factory refuses through this, so the refusals read alike.
/// </summary>
public sealed record SpaceRequirements(ObservationRequirement Observations, ActionRequirement Actions)
{
    /// <summary>Tabular agents: Discrete observations and actions.</summary>
    public static SpaceRequirements Tabular { get; } = new(ObservationRequirement.Discrete, ActionRequirement.Discrete);

    /// <summary>Networks with one output per action (policy gradient, DQN): flat Box observations, Discrete actions.</summary>
    public static SpaceRequirements DiscreteActions { get; } = new(ObservationRequirement.FlatBox, ActionRequirement.Discrete);

    /// <summary>On-policy agents with a categorical or Gaussian head (PPO, TRPO).</summary>
    public static SpaceRequirements AnyActions { get; } = new(ObservationRequirement.FlatBox, ActionRequirement.DiscreteOrFlatBox);

    /// <summary>Continuous control (DDPG, TD3, SAC): flat Box observations, bounded flat Box actions.</summary>
    public static SpaceRequirements ContinuousActions { get; } = new(ObservationRequirement.FlatBox, ActionRequirement.BoundedFlatBox);

    private const string ContinuousAgents = "ppo, trpo, ddpg, td3 or sac";

    /// <summary>What <c>rlgym agents</c> prints under "accepts".</summary>
    public string Describe() =>
        (Observations == ObservationRequirement.Discrete ? "Discrete observations" : "Box observations (1-D; Discrete with --wrap one-hot)")
        + ", "
        + Actions switch
        {
            ActionRequirement.Discrete => "Discrete actions",
            ActionRequirement.DiscreteOrFlatBox => "Discrete or Box actions (1-D)",
            _ => "bounded Box actions (1-D)",
        };

    /// <summary>Null when <paramref name="agent"/> can train on <paramref name="env"/>; else one line saying why not and what would.</summary>
    public string? Refusal(string agent, IEnv env)
    {
        string id = env.Spec?.Id ?? env.Unwrapped.ToString() ?? env.GetType().Name;
        string? observations = Observations switch
        {
            ObservationRequirement.Discrete => env.ObservationSpace switch
            {
                Discrete { Start: 0 } => null,
                Discrete d => $"{agent} needs Discrete observations from 0; {id} has {d}",
                Box b => $"{agent} needs Discrete observations; {id} has {b}: add --wrap discretize",
                var other => $"{agent} needs Discrete observations; {id} has {other}, which no wrapper turns into a table index",
            },
            _ => env.ObservationSpace switch
            {
                Box { Shape.Count: 1 } => null,
                Box b => $"{agent} needs flat Box observations; {id} has {b} with {b.Shape.Count} dimensions",
                Discrete d => $"{agent} needs Box observations; {id} has {d}: add --wrap one-hot (OneHotObservation)",
                var other => $"{agent} needs Box observations; {id} has {other}",
            },
        };
        if (observations is not null) return observations;
        return (Actions, env.ActionSpace) switch
        {
            (ActionRequirement.Discrete or ActionRequirement.DiscreteOrFlatBox, Discrete { Start: 0 }) => null,
            (ActionRequirement.DiscreteOrFlatBox, Box { Shape.Count: 1 }) => null,
            (ActionRequirement.BoundedFlatBox, Box { Shape.Count: 1, IsBounded: true }) => null,
            (ActionRequirement.BoundedFlatBox, Box b) => $"{agent} needs bounded flat Box actions; {id} has {b}",
            (ActionRequirement.BoundedFlatBox, Discrete d) => $"{agent} needs Box (continuous) actions; {id} has {d}: use dqn, ppo or trpo",
            (ActionRequirement.BoundedFlatBox, var other) => $"{agent} needs Box (continuous) actions; {id} has {other}",
            (_, Discrete d) => $"{agent} needs Discrete actions from 0; {id} has {d}",
            (ActionRequirement.Discrete, Box b) => $"{agent} needs Discrete actions; {id} has {b}: for continuous actions use {ContinuousAgents}",
            (ActionRequirement.DiscreteOrFlatBox, Box b) => $"{agent} needs Discrete or flat Box actions; {id} has {b}",
            (_, var other) => $"{agent} needs Discrete actions; {id} has {other}",
        };
    }
}
