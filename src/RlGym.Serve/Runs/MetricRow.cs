namespace RlGym.Serve.Runs;

/// <summary>One row of a run's <c>metrics.csv</c> as the API returns it (columns the file lacks are null).</summary>
internal sealed record MetricRow(
    int Episode, long? TotalSteps, double Return, int? Length, double? ExplorationRate, double? WallSeconds,
    double? EvalReturn, string? Env);
