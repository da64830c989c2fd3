using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Environments;

/// <summary>
/// An environment seen without its types: what the command line, the registry and the env checker use.
/// Every environment implements <see cref="IEnv{TObs,TAct}"/> through <see cref="Env{TObs,TAct}"/>.
/// </summary>
public interface IEnv : IDisposable
{
    /// <summary>The set of valid observations.</summary>
    Space ObservationSpace { get; }

    /// <summary>The set of valid actions.</summary>
    Space ActionSpace { get; }

    /// <summary>The registry entry the environment was made from; null when constructed directly.</summary>
    EnvSpec? Spec { get; set; }

    /// <summary>The innermost environment, beneath every wrapper.</summary>
    IEnv Unwrapped { get; }

    /// <summary>Starts an episode; observation boxed.</summary>
    ResetResult<object> ResetBoxed(long? seed = null, EnvOptions? options = null);

    /// <summary>Steps with a boxed action; observation boxed.</summary>
    StepResult<object> StepBoxed(object action);
}

/// <summary>
/// An environment with Gymnasium v1 semantics.
/// <para>
/// <c>Reset(seed)</c> reseeds the environment's generator; <c>Reset()</c> without a seed continues its stream,
/// so one seed reproduces a whole run. Observations of array type are owned by the environment: an observation
/// stays valid until the step after the one that returned it (so a transition's s and s' are both readable),
/// and must be copied (<see cref="Space{T}.Clone"/>) to be kept longer. Stepping allocates nothing.
/// </para>
/// </summary>
public interface IEnv<TObs, TAct> : IEnv where TObs : notnull where TAct : notnull
{
    /// <summary>The set of valid observations.</summary>
    new Space<TObs> ObservationSpace { get; }

    /// <summary>The set of valid actions.</summary>
    new Space<TAct> ActionSpace { get; }

    /// <summary>Starts an episode and returns the first observation and info.</summary>
    ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null);

    /// <summary>Applies an action and returns observation, reward, terminated, truncated and info.</summary>
    StepResult<TObs> Step(TAct action);
}
