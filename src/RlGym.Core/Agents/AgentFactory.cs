using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;

namespace RlGym.Core.Agents;

/// <summary>
/// The one shape of an agent factory: a name, a description, the spaces the agent accepts, its options record (whose
/// defaults may depend on the environment, e.g. PPO's Box defaults) and how to build it. <c>--set key=value</c> binds
/// onto the defaults; an environment outside <see cref="Spaces"/> is refused in one line before anything is built.
/// </summary>
public sealed class AgentFactory<TOptions> : IAgentFactory where TOptions : class
{
    private readonly Func<IEnv?, TOptions> _defaults;
    private readonly Func<IEnv, TOptions, long, IAgent> _create;

    /// <summary>A factory whose options start from <paramref name="defaults"/> (given null when listing the agent).</summary>
    public AgentFactory(string name, string description, SpaceRequirements spaces, Func<IEnv?, TOptions> defaults,
        Func<IEnv, TOptions, long, IAgent> create, int defaultEnvs = 1)
    {
        Spaces = spaces;
        _defaults = defaults;
        _create = create;
        Info = new AgentInfo(name, description, spaces.Describe(), SettingsBinder.Describe(defaults(null)), defaultEnvs);
    }

    /// <inheritdoc />
    public AgentInfo Info { get; }

    /// <summary>The spaces the agent accepts.</summary>
    public SpaceRequirements Spaces { get; }

    /// <inheritdoc />
    public string? Refusal(IEnv env) => Spaces.Refusal(Info.Name, env);

    /// <inheritdoc />
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        return _create(env, SettingsBinder.Bind(_defaults(env), settings), seed);
    }

    /// <summary>Refuses hidden layer widths below 1 in one line (an empty list, a linear model, is allowed unless <paramref name="atLeastOne"/>).</summary>
    public static void CheckHiddenSizes(IReadOnlyList<int> hidden, bool atLeastOne = false)
    {
        if (hidden.Any(h => h < 1) || (atLeastOne && hidden.Count == 0))
            throw new UserInputException($"setting hidden_sizes={string.Join(",", hidden)} is not allowed; allowed: {(atLeastOne ? "one or more positive widths" : "positive widths")}");
    }
}
