using RlGym.Training.Runs;

namespace RlGym.Sweeps.Running;

/// <summary>
/// Trains one trial: the only thing a sweep needs from the trainer. Given a run configuration and a run directory it
/// starts the run, or, when the directory holds a checkpoint, resumes it exactly up to the configuration's budget
/// (which may have grown, when successive halving promotes the trial). The directory is an ordinary run directory:
/// <c>rlgym eval</c>, <c>watch</c> and <c>train --resume</c> work on it.
/// </summary>
public interface ITrialRunner
{
    /// <summary>
    /// Trains until the budget, then returns the score of the whole run (drawing learning-curve.png when
    /// <paramref name="learningCurve"/>). On cancellation the run checkpoints (at an
    /// episode boundary, so its resume is exact) and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    TrialOutcome Run(RunConfig config, string directory, bool learningCurve, CancellationToken cancellation);
}
