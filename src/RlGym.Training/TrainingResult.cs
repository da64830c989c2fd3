using RlGym.Training.Evaluation;

namespace RlGym.Training;

/// <summary>How a training run ended.</summary>
/// <param name="Episodes">Episodes completed since the run began (earlier sessions of a resumed run included).</param>
/// <param name="TotalSteps">Environment steps since the run began.</param>
/// <param name="Cancelled">True when the cancellation token stopped the run; a checkpoint was written.</param>
/// <param name="WallSeconds">Seconds of training since the run began.</param>
/// <param name="LastReturn">Return of the last episode (NaN when none).</param>
/// <param name="BestReturn">Best episode return (NaN when none).</param>
/// <param name="LastEvaluation">The last periodic evaluation, when any ran in this session.</param>
/// <param name="Returns">This session's episode returns, when <see cref="TrainerOptions.KeepReturns"/>.</param>
/// <param name="ResumedFromEpisode">The checkpoint's episode count when the run was resumed; else null.</param>
/// <param name="Warnings">Things that went wrong without stopping the run (e.g. the plot could not be drawn).</param>
public sealed record TrainingResult(
    int Episodes,
    long TotalSteps,
    bool Cancelled,
    double WallSeconds,
    double LastReturn,
    double BestReturn,
    EvaluationResult? LastEvaluation,
    IReadOnlyList<double>? Returns,
    int? ResumedFromEpisode,
    IReadOnlyList<string> Warnings);
