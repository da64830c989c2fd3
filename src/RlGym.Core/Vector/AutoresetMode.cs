namespace RlGym.Core.Vector;

/// <summary>When a vector environment resets a copy whose episode has ended, as Gymnasium v1's <c>AutoresetMode</c>.</summary>
public enum AutoresetMode
{
    /// <summary>
    /// Gymnasium's default: the step that ends an episode returns its last observation as usual; the next
    /// <c>Step</c> ignores that copy's action, resets it and returns the reset observation with reward 0 and both
    /// flags false.
    /// </summary>
    NextStep,

    /// <summary>
    /// The step that ends an episode also resets the copy: it returns the reset observation with the step's reward
    /// and flags, and the episode's last observation goes to <see cref="VectorEnv{TAct}.FinalObservations"/>.
    /// </summary>
    SameStep,
}
