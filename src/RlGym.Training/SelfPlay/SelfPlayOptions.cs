namespace RlGym.Training.SelfPlay;

/// <summary>
/// How a self-play run goes: games to play, how often and how long to evaluate against the fixed baseline, how often
/// to checkpoint. <see cref="EnvId"/> and <see cref="AgentName"/> label the checkpoint.
/// </summary>
public sealed record SelfPlayOptions
{
    /// <summary>Self-play games in total (a resumed run plays up to this many).</summary>
    public required int Games { get; init; }

    /// <summary>Evaluate against the baseline every this many games (0: only at the end).</summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>Games per evaluation, half of them opened by the learner.</summary>
    public int EvalGames { get; init; } = 20;

    /// <summary>Checkpoint every this many games (0: at the end only).</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>The run's seed; the baseline of evaluation k plays with a seed derived from it and k.</summary>
    public long Seed { get; init; }

    /// <summary>The environment id, for the checkpoint.</summary>
    public required string EnvId { get; init; }

    /// <summary>The learner's name, for the checkpoint.</summary>
    public required string AgentName { get; init; }
}

/// <summary>What a self-play run did: games, moves, seconds, the last evaluation (NaN when none) and whether it was cancelled.</summary>
public sealed record SelfPlayResult(int Games, long Moves, double WallSeconds, double LastWinRate, double LastDrawRate, bool Cancelled)
{
    /// <summary>The behaviour-cloned start's evaluation against the baseline (null when the run did not clone).</summary>
    public double? ClonedWinRate { get; init; }
}
