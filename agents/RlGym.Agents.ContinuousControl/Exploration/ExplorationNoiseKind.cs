namespace RlGym.Agents.ContinuousControl;

/// <summary>The noise a deterministic policy adds to its actions while exploring.</summary>
public enum ExplorationNoiseKind
{
    /// <summary>Independent N(0, σ²) at every step.</summary>
    Gaussian,

    /// <summary>
    /// An Ornstein-Uhlenbeck process per copy and action dimension, reset to 0 at each episode start: consecutive
    /// steps push the same way, which is what reaches distant goals such as MountainCarContinuous's flag.
    /// </summary>
    OrnsteinUhlenbeck,
}
