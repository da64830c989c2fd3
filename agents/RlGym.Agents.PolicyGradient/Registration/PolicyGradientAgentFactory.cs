using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The factory of one policy-gradient agent: its name, description and hyperparameters, the check of the
/// environment's spaces, and creation with <c>--set</c> overrides bound onto the options' defaults.
/// </summary>
public sealed class PolicyGradientAgentFactory<TOptions> : IAgentFactory where TOptions : class, new()
{
    private readonly Func<IEnv, int, int, TOptions, long, IAgent> _create;

    /// <summary>
    /// Creates the factory; <paramref name="create"/> receives (env, observation size, actions, options, seed), and the
    /// agent trains on <paramref name="defaultEnvs"/> environment copies unless the run says otherwise.
    /// </summary>
    public PolicyGradientAgentFactory(string name, string description, Func<IEnv, int, int, TOptions, long, IAgent> create, int defaultEnvs = 1)
    {
        _create = create;
        Info = new AgentInfo(name, description, "Box observations (Discrete with --wrap one-hot), Discrete actions",
            SettingsBinder.Describe(new TOptions()), defaultEnvs);
    }

    /// <inheritdoc />
    public AgentInfo Info { get; }

    /// <inheritdoc />
    public string? Refusal(IEnv env) => PolicyGradientSpaces.Refusal(Info.Name, env);

    /// <inheritdoc />
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        var options = SettingsBinder.Bind(new TOptions(), settings);
        var (observationSize, actions) = PolicyGradientSpaces.Size(env);
        return _create(env, observationSize, actions, options, seed);
    }
}
