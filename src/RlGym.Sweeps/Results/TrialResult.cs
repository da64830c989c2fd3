using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Results;

/// <summary>One trial's last score.</summary>
/// <param name="Id">Trial id, e.g. <c>c003-s1</c>.</param>
/// <param name="Configuration">Its configuration.</param>
/// <param name="Seed">Its run seed.</param>
/// <param name="Rung">The last rung it trained (0 without successive halving).</param>
/// <param name="Outcome">Its score at that rung.</param>
/// <param name="Status"><c>done</c> when it trained the whole budget; <c>stopped</c> when successive halving did not promote it.</param>
public sealed record TrialResult(string Id, TrialConfiguration Configuration, long Seed, int Rung, TrialOutcome Outcome, string Status);
