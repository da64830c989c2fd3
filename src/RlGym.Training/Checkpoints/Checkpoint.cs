using RlGym.Core.Random;

namespace RlGym.Training.Checkpoints;

/// <summary>
/// Everything needed to continue a run exactly where it stopped. Checkpoints are taken at episode boundaries
/// (as Stable-Baselines3 and CleanRL save between rollouts): there the environment is about to be reset without a
/// seed, so its generator state is all of it that matters, and no environment has to be able to save its physics.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>The environment id the run trains on; resuming on another one is refused.</summary>
    public required string EnvId { get; init; }

    /// <summary>The agent's name; resuming another agent is refused.</summary>
    public required string AgentName { get; init; }

    /// <summary>The run's seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Episodes completed.</summary>
    public required int Episode { get; init; }

    /// <summary>Environment steps taken, those of an abandoned episode included.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Rows of <c>metrics.csv</c> this checkpoint accounts for; a resumed run cuts the file back to them.</summary>
    public required int MetricsRows { get; init; }

    /// <summary>Seconds of training before this checkpoint; a resumed run's wall clock continues from here.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Best episode return so far (NaN before the first episode).</summary>
    public double BestReturn { get; init; } = double.NaN;

    /// <summary>Return of the last episode (NaN before the first episode).</summary>
    public double LastReturn { get; init; } = double.NaN;

    /// <summary>The training environment's generator (null when it never drew).</summary>
    public RngState? EnvRandom { get; init; }

    /// <summary>True once the evaluation environment has had its seeded reset.</summary>
    public bool EvaluationStarted { get; init; }

    /// <summary>The evaluation environment's generator.</summary>
    public RngState? EvaluationRandom { get; init; }

    /// <summary>
    /// True when the run was cancelled in the middle of an episode: that episode's steps are counted and learned from,
    /// but it has no metrics row, and the resumed run starts a new episode.
    /// </summary>
    public bool AbandonedEpisode { get; init; }

    /// <summary>What <c>IAgent.Save</c> wrote.</summary>
    public required byte[] Agent { get; init; }
}
