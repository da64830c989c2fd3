using RlGym.Core.Random;

namespace RlGym.Training.Checkpoints;

/// <summary>
/// One environment copy in a checkpoint. When the environment can save its state (<see cref="Core.Environments.IStatefulEnv"/>)
/// <see cref="State"/> holds all of it and the copy continues its episode exactly; otherwise only its generator is
/// kept (<see cref="Random"/>) and the resumed run starts the copy on a new episode.
/// </summary>
public sealed record CopyCheckpoint
{
    /// <summary>The environment's saved state (wrappers included), or null when it cannot save one.</summary>
    public byte[]? State { get; init; }

    /// <summary>The environment's generator, kept when <see cref="State"/> is null.</summary>
    public RngState? Random { get; init; }

    /// <summary>The current observation (see <see cref="ValueCodec"/>), or null before the first reset.</summary>
    public byte[]? Observation { get; init; }

    /// <summary>True when the copy's episode ended and the next vector step resets it.</summary>
    public bool Resetting { get; init; }

    /// <summary>Return of the copy's current episode so far.</summary>
    public double Return { get; init; }

    /// <summary>Steps of the copy's current episode so far.</summary>
    public int Length { get; init; }

    /// <summary>The action chosen for the copy in a vector step the budget cut short (see <see cref="Checkpoint.NextCopy"/>).</summary>
    public byte[]? PendingAction { get; init; }
}
