using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The factory of an agent that takes Discrete or Box actions (PPO, TRPO): a categorical head for Discrete actions, a
/// diagonal Gaussian head for a flat Box; each kind of action space may start from its own defaults, and
/// <c>--set</c> overrides are bound onto them.
/// </summary>
public sealed class OnPolicyAgentFactory<TOptions> : IAgentFactory where TOptions : class, new()
{
    private readonly TOptions _discreteDefaults;
    private readonly TOptions _boxDefaults;
    private readonly Func<int, ActionHead<int>, TOptions, long, IAgent> _createDiscrete;
    private readonly Func<int, ActionHead<float[]>, TOptions, long, IAgent> _createBox;
    private readonly Func<TOptions, int[]> _hidden;

    /// <summary>Creates the factory.</summary>
    public OnPolicyAgentFactory(string name, string description, int defaultEnvs, TOptions discreteDefaults, TOptions boxDefaults,
        Func<int, ActionHead<int>, TOptions, long, IAgent> createDiscrete, Func<int, ActionHead<float[]>, TOptions, long, IAgent> createBox,
        Func<TOptions, int[]> hidden)
    {
        _discreteDefaults = discreteDefaults;
        _boxDefaults = boxDefaults;
        _createDiscrete = createDiscrete;
        _createBox = createBox;
        _hidden = hidden;
        Info = new AgentInfo(name, description, "Box observations (1-D), Discrete or Box actions (1-D)",
            SettingsBinder.Describe(discreteDefaults), defaultEnvs);
    }

    /// <inheritdoc/>
    public AgentInfo Info { get; }

    /// <inheritdoc/>
    public string? Refusal(IEnv env)
    {
        string agent = Info.Name;
        string id = env.Spec?.Id ?? env.GetType().Name;
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
            Box { Shape.Count: 1 } => null,
            var other => $"{agent} needs Discrete or flat Box actions; {id} has {other}",
        };
    }

    /// <inheritdoc/>
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        bool box = env.ActionSpace is Box;
        var options = SettingsBinder.Bind(box ? _boxDefaults : _discreteDefaults, settings);
        var hidden = _hidden(options);
        if (hidden.Any(h => h < 1))
            throw new UserInputException($"setting hidden_sizes={string.Join(",", hidden)} is not allowed; allowed: positive widths");
        int d = ((Box)env.ObservationSpace).Size;
        return box
            ? _createBox(d, new GaussianHead((Box)env.ActionSpace), options, seed)
            : _createDiscrete(d, new CategoricalHead(((Discrete)env.ActionSpace).N), options, seed);
    }
}
