namespace RlGym.Serve.Runs;

/// <summary>One run as <c>GET /api/runs</c> lists it.</summary>
internal sealed record RunSummary(
    string Id, string Group, string? Env, string? Agent, long? Seed, string Status, int Episodes, long? TotalSteps,
    double? LastReturn, double? LastEval, double? BestEval, DateTime? Started, string? Budget, double? RewardThreshold,
    int BadRows, string? Problem, long Version);
