namespace RlGym.Sweeps.Cluster;

/// <summary>A trial failed on a cluster worker; the message names the trial, the worker and the failure.</summary>
public sealed class TrialFailedException(string message) : Exception(message);
