namespace RlGym.Core.Agents;

/// <summary>
/// One step of experience (s_t, a_t, r_t, s_{t+1}) of one environment copy. <see cref="Terminated"/>: s_{t+1} is
/// terminal, so targets do not bootstrap from it; <see cref="Truncated"/>: the episode was cut, s_{t+1} is not
/// terminal. <see cref="Copy"/> is the index of the copy (0 to K − 1) that made it: agents that keep per-episode
/// state (Sarsa's next action, Monte Carlo's episode) keep it per copy.
/// Array observations belong to the environment: an agent that keeps them copies them.
/// </summary>
public readonly record struct Transition<TObs, TAct>(
    TObs Observation, TAct Action, double Reward, TObs NextObservation, bool Terminated, bool Truncated, int Copy = 0)
{
    /// <summary>True when the episode ends with this transition: the copy's next observation starts a new episode.</summary>
    public bool Done => Terminated || Truncated;
}
