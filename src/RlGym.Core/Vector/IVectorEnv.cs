using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Vector;

/// <summary>
/// K copies of an environment stepped as one, seen without the action type: what the registry's
/// <see cref="EnvRegistry.MakeVector"/> returns, with Gymnasium v1's vector semantics (batched observations in one
/// contiguous array of K × n floats, row i for copy i; rewards and flags per copy; automatic reset of copies whose
/// episode ended). Both <see cref="VectorEnv{TAct}"/> (K environment objects) and <see cref="ArrayVectorEnv{TAct}"/>
/// (K states held in arrays) implement it.
/// </summary>
public interface IVectorEnv : IDisposable
{
    /// <summary>Number of copies, K.</summary>
    int Count { get; }

    /// <summary>How copies whose episode ended are reset.</summary>
    AutoresetMode AutoresetMode { get; }

    /// <summary>The observation space of one copy.</summary>
    Box SingleObservationSpace { get; }

    /// <summary>The action space of one copy.</summary>
    Space SingleActionSpace { get; }

    /// <summary>Elements of one copy's observation, n.</summary>
    int ObservationSize { get; }

    /// <summary>Threads that step the copies, the calling thread included.</summary>
    int ThreadCount { get; }

    /// <summary>
    /// The latest batch of observations, K × n floats, row i for copy i. It is the environment's own buffer, valid until
    /// the step after next: read it or copy it, never write to it.
    /// </summary>
    float[] Observations { get; }

    /// <summary>The latest reward of each copy.</summary>
    double[] Rewards { get; }

    /// <summary>The latest terminated flag of each copy.</summary>
    bool[] Terminated { get; }

    /// <summary>The latest truncated flag of each copy.</summary>
    bool[] Truncated { get; }

    /// <summary>The latest info of each copy (its reset's info on a step that reset it).</summary>
    IReadOnlyDictionary<string, object>[] Infos { get; }

    /// <summary>
    /// <see cref="AutoresetMode.SameStep"/> only: row i holds the last observation of copy i's episode when
    /// <see cref="HasFinalObservation"/>[i] is true (Gymnasium's <c>final_obs</c>).
    /// </summary>
    float[] FinalObservations { get; }

    /// <summary><see cref="AutoresetMode.SameStep"/> only: true for copies whose episode ended (and were reset) in the latest step.</summary>
    bool[] HasFinalObservation { get; }

    /// <summary><see cref="AutoresetMode.SameStep"/> only: the info of the step that ended copy i's episode (Gymnasium's <c>final_info</c>).</summary>
    IReadOnlyDictionary<string, object>[] FinalInfos { get; }

    /// <summary>Resets every copy, copy i with <c>seed + i</c> (or each continuing its own stream when no seed), and returns the batch.</summary>
    float[] Reset(long? seed = null, EnvOptions? options = null);
}

/// <summary>A vector environment with its action type; see <see cref="IVectorEnv"/>.</summary>
public interface IVectorEnv<TAct> : IVectorEnv where TAct : notnull
{
    /// <summary>The action space of one copy.</summary>
    new Space<TAct> SingleActionSpace { get; }

    /// <summary>
    /// Steps every copy with its action (one per copy, in order) and returns the batch. The batch stays valid until
    /// the following step (two alternating buffers), so s and s' of a transition are both readable.
    /// </summary>
    VectorStepResult Step(ReadOnlySpan<TAct> actions);
}
