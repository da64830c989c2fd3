namespace RlGym.Core.Agents;

/// <summary>
/// One step of experience (s_t, a_t, r_t, s_{t+1}). <see cref="Terminated"/>: s_{t+1} is terminal, so targets do
/// not bootstrap from it; <see cref="Truncated"/>: the episode was cut, s_{t+1} is not terminal.
/// Array observations belong to the environment: an agent that keeps them copies them.
/// </summary>
public readonly record struct Transition<TObs, TAct>(
    TObs Observation, TAct Action, double Reward, TObs NextObservation, bool Terminated, bool Truncated)
{
    /// <summary>True when the episode ends with this transition.</summary>
    public bool Done => Terminated || Truncated;
}
