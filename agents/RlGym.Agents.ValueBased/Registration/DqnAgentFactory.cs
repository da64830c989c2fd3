using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// Builds a <see cref="DqnAgent"/> under one name from its own defaults (<c>double-dqn</c> is <c>dqn</c> with
/// double = true), with <c>--set</c> overrides bound onto them. Needs a one-dimensional Box observation and
/// Discrete actions.
/// </summary>
public sealed class DqnAgentFactory : IAgentFactory
{
    private readonly DqnOptions _defaults;

    /// <summary>Creates the factory of <paramref name="name"/> with <paramref name="defaults"/>.</summary>
    public DqnAgentFactory(string name, string description, DqnOptions defaults)
    {
        _defaults = defaults;
        Info = new AgentInfo(name, description, "Box observations (1-D), Discrete actions", SettingsBinder.Describe(defaults));
    }

    /// <inheritdoc/>
    public AgentInfo Info { get; }

    /// <inheritdoc/>
    public string? Refusal(IEnv env)
    {
        string agent = Info.Name;
        string id = env.Spec?.Id ?? env.Unwrapped.ToString() ?? env.GetType().Name;
        string? observations = env.ObservationSpace switch
        {
            Box { Shape.Count: 1 } => null,
            Box b => $"{agent} needs flat Box observations; {id} has {b} with {b.Shape.Count} dimensions",
            Discrete d => $"{agent} needs Box observations; {id} has {d}: add --wrap one-hot (OneHotObservation)",
            var other => $"{agent} needs Box observations; {id} has {other}",
        };
        if (observations is not null) return observations;
        return env.ActionSpace switch
        {
            Discrete { Start: 0 } => null,
            Discrete d => $"{agent} needs Discrete actions from 0; {id} has {d}",
            Box b => $"{agent} needs Discrete actions; {id} has {b} (a Q-network has one output per action); for continuous actions use ddpg, td3, sac, ppo or trpo",
            var other => $"{agent} needs Discrete actions; {id} has {other}",
        };
    }

    /// <inheritdoc/>
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        var options = SettingsBinder.Bind(_defaults, settings);
        if (options.HiddenSizes.Any(h => h < 1))
            throw new UserInputException($"setting hidden_sizes={string.Join(",", options.HiddenSizes)} is not allowed; allowed: positive widths");
        return new DqnAgent(((Box)env.ObservationSpace).Size, ((Discrete)env.ActionSpace).N, options, seed, Info.Name);
    }
}
