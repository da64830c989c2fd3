namespace RlGym.Core.Wrappers;

/// <summary>
/// What <see cref="RecordEpisodeStatistics{TObs,TAct}"/> puts under <c>info["episode"]</c> at the step that ends an
/// episode, as Gymnasium's <c>{"r", "l", "t"}</c>: the undiscounted return, the number of steps and the wall-clock
/// seconds since the episode's reset.
/// </summary>
public sealed record EpisodeStatistics(double Return, int Length, double Seconds);
