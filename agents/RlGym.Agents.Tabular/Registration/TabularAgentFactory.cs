using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular;

/// <summary>
/// The factory of one tabular agent: its name, description and hyperparameters, the check of the environment's
/// spaces, and creation with <c>--set</c> overrides bound onto the options' defaults.
/// </summary>
public sealed class TabularAgentFactory<TOptions> : IAgentFactory where TOptions : TabularOptions, new()
{
    private readonly Func<int, int, TOptions, long, IAgent> _create;

    /// <summary>Creates the factory; <paramref name="create"/> receives (states, actions, options, seed).</summary>
    public TabularAgentFactory(string name, string description, Func<int, int, TOptions, long, IAgent> create)
    {
        _create = create;
        Info = new AgentInfo(name, description, "Discrete observations, Discrete actions", SettingsBinder.Describe(new TOptions()));
    }

    /// <inheritdoc />
    public AgentInfo Info { get; }

    /// <inheritdoc />
    public string? Refusal(IEnv env) => TabularSpaces.Refusal(Info.Name, env);

    /// <inheritdoc />
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        var options = SettingsBinder.Bind(new TOptions(), settings);
        var (states, actions) = TabularSpaces.Size(env);
        var agent = _create(states, actions, options, seed);
        // Actions that the state forbids (MaximizationBias's A) must never be chosen, explored or bootstrapped on.
        if (env.Unwrapped is IActionMask mask && agent is TabularAgent<TOptions> tabular) tabular.RestrictActions(mask);
        return agent;
    }
}
