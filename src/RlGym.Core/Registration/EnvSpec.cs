using RlGym.Core.Environments;
using RlGym.Core.Vector;

namespace RlGym.Core.Registration;

/// <summary>An option an environment accepts, for help text and for refusing unknown keys.</summary>
public sealed record EnvOptionInfo(string Name, string Default, string Description);

/// <summary>
/// A registry entry, as Gymnasium's <c>EnvSpec</c>: the id, how to build the environment, its time limit,
/// the return that counts as solved, and the options it takes.
/// </summary>
public sealed record EnvSpec
{
    /// <summary>Gymnasium's id, e.g. <c>CartPole-v1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Builds the bare environment from options.</summary>
    public required Func<EnvOptions, IEnv> Factory { get; init; }

    /// <summary>
    /// Builds K copies as one vector environment that holds their states in arrays (e.g. CartPole's
    /// <c>CartPoleVectorEnv</c>), with the time limit of the settings built in; it must give the same numbers as K
    /// copies from <see cref="Factory"/> under the registry's wrappers. Null when <see cref="EnvRegistry.MakeVector"/>
    /// steps K made copies instead.
    /// </summary>
    public Func<EnvOptions, VectorEnvSettings, IVectorEnv>? VectorFactory { get; init; }

    /// <summary>Steps after which <see cref="Wrappers.TimeLimit{TObs,TAct}"/> truncates; null for none.</summary>
    public int? MaxEpisodeSteps { get; init; }

    /// <summary>Mean return over 100 episodes that counts as solving the task; null when there is none.</summary>
    public double? RewardThreshold { get; init; }

    /// <summary>Options the factory reads, with their defaults.</summary>
    public IReadOnlyList<EnvOptionInfo> Options { get; init; } = [];

    /// <summary>Option values applied before the user's (Gymnasium's registered kwargs, e.g. FrozenLake8x8's map).</summary>
    public IReadOnlyDictionary<string, string> DefaultOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>A one-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The family used to pick a scene when rendering (toy-text, classic-control, ...).</summary>
    public string Family { get; init; } = "";
}
