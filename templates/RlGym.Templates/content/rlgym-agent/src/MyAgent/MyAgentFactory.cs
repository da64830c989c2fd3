using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace MyAgent;

/// <summary>
/// Tells <c>rlgym</c> what <see cref="MyAgentLearner"/> is and builds it: its name, description and
/// hyperparameters (from <see cref="MyAgentOptions"/>), which environments it can act on, and creation with the
/// run's <c>--set key=value</c> overrides and seed.
/// </summary>
public sealed class MyAgentFactory : IAgentFactory
{
    /// <inheritdoc />
    public AgentInfo Info { get; } = new(
        MyAgentLearner.AgentName,
        "tabular Q-learning with ε-greedy exploration, y = r + γ max_a Q(s',a)",
        "Discrete observations, Discrete actions",
        SettingsBinder.Describe(new MyAgentOptions()));

    /// <inheritdoc />
    public string? Refusal(IEnv env)
    {
        string id = env.Spec?.Id ?? "this environment";
        if (env.ObservationSpace is not Discrete { Start: 0 })
            return $"{Info.Name} needs Discrete observations from 0; {id} has {env.ObservationSpace}";
        if (env.ActionSpace is not Discrete { Start: 0 })
            return $"{Info.Name} needs Discrete actions from 0; {id} has {env.ActionSpace}";
        return null;
    }

    /// <inheritdoc />
    public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
    {
        if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
        var options = SettingsBinder.Bind(new MyAgentOptions(), settings);
        return new MyAgentLearner(((Discrete)env.ObservationSpace).N, ((Discrete)env.ActionSpace).N, options, seed);
    }
}
