namespace RlGym.Agents.Tabular;

/// <summary>How ε moves from its start value to its end value as the agent takes steps.</summary>
public enum EpsilonDecay
{
    /// <summary>ε stays at its start value.</summary>
    Constant,

    /// <summary>ε falls in a straight line to its end value over the decay steps, then stays.</summary>
    Linear,

    /// <summary>ε approaches its end value as ε_end + (ε_0 − ε_end) e^(−t / decay steps).</summary>
    Exponential,
}
