namespace RlGym.Core.Vector;

/// <summary>
/// How a registry vector environment is built (<see cref="Registration.EnvRegistry.MakeVector"/>): K copies, their
/// time limit (the spec's unless overridden), when copies reset, and the threads that step them.
/// </summary>
/// <param name="Count">Copies, K (at least 1).</param>
/// <param name="MaxEpisodeSteps">Steps after which a copy's episode is truncated; null for none.</param>
/// <param name="AutoresetMode">When copies whose episode ended are reset.</param>
/// <param name="Threads">Threads stepping the copies, the calling thread included (1: all on the caller).</param>
public sealed record VectorEnvSettings(int Count, int? MaxEpisodeSteps = null, AutoresetMode AutoresetMode = AutoresetMode.NextStep, int Threads = 1);
