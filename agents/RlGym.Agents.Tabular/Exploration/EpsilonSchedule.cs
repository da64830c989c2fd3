namespace RlGym.Agents.Tabular;

/// <summary>ε as a function of the number of environment steps the agent has learned from.</summary>
/// <param name="Decay">The shape of the schedule.</param>
/// <param name="Start">ε at step 0.</param>
/// <param name="End">The value ε decays to.</param>
/// <param name="DecaySteps">Linear: steps to reach <paramref name="End"/>; exponential: the time constant.</param>
public sealed record EpsilonSchedule(EpsilonDecay Decay, double Start, double End, int DecaySteps)
{
    /// <summary>The schedule an options record asks for.</summary>
    public static EpsilonSchedule From(TabularOptions options) =>
        new(options.EpsilonSchedule, options.Epsilon, options.EpsilonEnd, options.EpsilonDecaySteps);

    /// <summary>ε after <paramref name="step"/> steps.</summary>
    public double At(long step) => Decay switch
    {
        EpsilonDecay.Linear => step >= DecaySteps ? End : Start + (End - Start) * step / DecaySteps,
        EpsilonDecay.Exponential => End + (Start - End) * Math.Exp(-(double)step / DecaySteps),
        _ => Start,
    };
}
