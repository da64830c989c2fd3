namespace RlGym.Sweeps.Planning;

/// <summary>
/// One trial to train up to one rung's budget: what an executor hands to a <see cref="Running.ITrialRunner"/>, on this
/// machine or on a cluster worker. The run configuration travels as its <c>config.json</c> text, so a worker needs
/// nothing of the sweep but this.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrialJob
{
    /// <summary>The trial's id, e.g. <c>c003-s1</c>: configuration 3, seed 1.</summary>
    [Id(0)] public required string TrialId { get; init; }

    /// <summary>The rung this job trains up to (0 without successive halving).</summary>
    [Id(1)] public required int Rung { get; init; }

    /// <summary>The trial's run directory (absolute; on a cluster, a path every worker reaches).</summary>
    [Id(2)] public required string Directory { get; init; }

    /// <summary>The run configuration, as <c>config.json</c> text.</summary>
    [Id(3)] public required string ConfigJson { get; init; }

    /// <summary>Draw the trial's learning-curve.png when it finishes.</summary>
    [Id(4)] public bool LearningCurve { get; init; } = true;

    /// <summary>A key unique within the sweep: the trial and rung.</summary>
    public string Key => $"{TrialId}@{Rung}";
}
