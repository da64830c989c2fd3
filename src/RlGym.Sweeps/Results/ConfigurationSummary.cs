using RlGym.Sweeps.Planning;
using RlGym.Training.Comparisons;

namespace RlGym.Sweeps.Results;

/// <summary>One configuration over its seeds, at the last rung it reached.</summary>
/// <param name="Configuration">The configuration.</param>
/// <param name="Rung">The last rung it trained.</param>
/// <param name="Budget">That rung's budget (episodes or steps).</param>
/// <param name="FinalReturn">Final return: mean and 95% Student-t half-width over seeds.</param>
/// <param name="Auc">Area under the learning curve: mean and 95% half-width over seeds.</param>
public sealed record ConfigurationSummary(TrialConfiguration Configuration, int Rung, long Budget, Interval FinalReturn, Interval Auc);
