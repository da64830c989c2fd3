namespace RlGym.Training.Metrics;

/// <summary>One row of <c>metrics.csv</c>: what happened in one training episode.</summary>
/// <param name="Episode">Episode index, from 0.</param>
/// <param name="TotalSteps">Environment steps taken since the run began, this episode included.</param>
/// <param name="Return">Undiscounted sum of rewards of the episode.</param>
/// <param name="Length">Steps in the episode.</param>
/// <param name="ExplorationRate">The agent's exploration rate at the end of the episode (NaN when it has none).</param>
/// <param name="WallSeconds">Seconds since the run began.</param>
/// <param name="EvalReturn">Mean return of the greedy evaluation run after this episode, when one ran; else null.</param>
/// <param name="Env">The environment copy (0 to K − 1) that played the episode.</param>
public sealed record EpisodeMetrics(
    int Episode, long TotalSteps, double Return, int Length, double ExplorationRate, double WallSeconds, double? EvalReturn = null, int Env = 0);
