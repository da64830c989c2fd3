using RlGym.Core.Random;

namespace RlGym.Training.Checkpoints;

/// <summary>
/// Everything needed to continue a run exactly where it stopped, at any step: the agent (with its replay buffers and
/// generators), every environment copy's state and current observation, the evaluation environment's generator and
/// the trainer's counters.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>The environment id the run trains on; resuming on another one is refused.</summary>
    public required string EnvId { get; init; }

    /// <summary>The agent's name; resuming another agent is refused.</summary>
    public required string AgentName { get; init; }

    /// <summary>The run's seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Episodes completed, by all copies together.</summary>
    public required int Episode { get; init; }

    /// <summary>Environment steps taken by all copies together.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>Rows of <c>metrics.csv</c> this checkpoint accounts for; a resumed run cuts the file back to them.</summary>
    public required int MetricsRows { get; init; }

    /// <summary>Seconds of training before this checkpoint; a resumed run's wall clock continues from here.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Best episode return so far (NaN before the first episode).</summary>
    public double BestReturn { get; init; } = double.NaN;

    /// <summary>Return of the last episode (NaN before the first episode).</summary>
    public double LastReturn { get; init; } = double.NaN;

    /// <summary>Best mean return of a greedy evaluation so far (NaN before the first); its agent is <c>best-agent.bin</c>.</summary>
    public double BestEvaluation { get; init; } = double.NaN;

    /// <summary>True once the copies have had their seeded first reset.</summary>
    public bool Seeded { get; init; }

    /// <summary>True once the evaluation environment has had its seeded reset.</summary>
    public bool EvaluationStarted { get; init; }

    /// <summary>The evaluation environment's generator.</summary>
    public RngState? EvaluationRandom { get; init; }

    /// <summary>Each environment copy, in copy order; its count is the run's number of copies.</summary>
    public required IReadOnlyList<CopyCheckpoint> Copies { get; init; }

    /// <summary>
    /// When the budget ran out part-way through a vector step: the first copy that had not stepped yet; else −1.
    /// A resumed run with a larger budget steps the rest with <see cref="CopyCheckpoint.PendingAction"/>.
    /// </summary>
    public int NextCopy { get; init; } = -1;

    /// <summary>What <c>IAgent.Save</c> wrote.</summary>
    public required byte[] Agent { get; init; }
}
