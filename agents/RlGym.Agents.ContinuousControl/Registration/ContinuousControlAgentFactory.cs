using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// The factory of one continuous-control agent: its name, description and hyperparameters, the check that the
/// environment has flat Box observations and bounded flat Box actions, and creation with <c>--set</c> overrides bound
/// onto the options' defaults.
/// </summary>
public sealed class ContinuousControlAgentFactory<TOptions> : IAgentFactory where TOptions : class, new()
{
    private readonly Func<int, ActionBounds, TOptions, long, IAgent> _create;
    private readonly Func<TOptions, int[]> _hidden;

    /// <summary>Creates the factory; <paramref name="create"/> receives (observation width, action bounds, options, seed).</summary>
    public ContinuousControlAgentFactory(string name, string description, Func<int, ActionBounds, TOptions, long, IAgent> create,
        Func<TOptions, int[]> hidden)
    {
        _create = create;
        _hidden = hidden;
        Info = new AgentInfo(name, description, "Box observations (1-D), bounded Box actions (1-D)", SettingsBinder.Describe(new TOptions()));
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
            Box { Shape.Count: 1, IsBounded: true } => null,
            Box b => $"{agent} needs bounded flat Box actions; {id} has {b}",
            Discrete d => $"{agent} needs Box (continuous) actions; {id} has {d}: use dqn, ppo or trpo",
            var other => $"{agent} needs Box (continuous) actions; {id} has {other}",
        };
    }

    /// <inheritdoc/>
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        var options = SettingsBinder.Bind(new TOptions(), settings);
        var hidden = _hidden(options);
        if (hidden.Length == 0 || hidden.Any(h => h < 1))
            throw new UserInputException($"setting hidden_sizes={string.Join(",", hidden)} is not allowed; allowed: one or more positive widths");
        return _create(((Box)env.ObservationSpace).Size, new ActionBounds((Box)env.ActionSpace), options, seed);
    }
}
