namespace RlGym.Training.Evaluation;

/// <summary>
/// The outcome of greedy evaluation episodes. <see cref="StandardDeviation"/> divides by n (NumPy's and
/// Stable-Baselines3's <c>evaluate_policy</c> convention). An episode succeeds when its return reaches
/// <see cref="Threshold"/>; the run is solved when the mean does (Gymnasium's <c>reward_threshold</c> is defined on
/// the mean return, e.g. 0.70 for FrozenLake over 100 episodes, 475 for CartPole-v1).
/// </summary>
public sealed record EvaluationResult(
    IReadOnlyList<double> Returns,
    IReadOnlyList<int> Lengths,
    double Mean,
    double StandardDeviation,
    double? Threshold,
    double? SuccessRate)
{
    /// <summary>Number of episodes.</summary>
    public int Episodes => Returns.Count;

    /// <summary>True when the mean return reaches the threshold; null without one.</summary>
    public bool? Solved => Threshold is { } t ? Mean >= t : null;
}
