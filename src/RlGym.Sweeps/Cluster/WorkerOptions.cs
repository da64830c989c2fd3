namespace RlGym.Sweeps.Cluster;

/// <summary>How a worker silo takes trials.</summary>
/// <param name="Slots">Trials trained at once (the worker's cores, by default).</param>
public sealed record WorkerOptions(int Slots);
