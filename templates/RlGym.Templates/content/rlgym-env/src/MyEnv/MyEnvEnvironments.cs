using RlGym.Core.Registration;

namespace MyEnv;

/// <summary>
/// Registers this package's environments. <c>rlgym --plugin path/to/MyEnv.dll …</c> finds every public
/// <see cref="IEnvPackage"/> with a parameterless constructor in the assembly.
/// </summary>
public sealed class MyEnvEnvironments : IEnvPackage
{
    /// <inheritdoc />
    public void Register(EnvRegistry registry) => registry.Register(new EnvSpec
    {
        Id = "MyEnvCorridor-v0",
        Factory = options => new MyEnvCorridorEnv(options),
        MaxEpisodeSteps = 100,          // the registry wraps the env in TimeLimit: episodes truncate here
        RewardThreshold = 0.95,         // mean greedy return that counts as solved (rlgym train reports it)
        Description = "walk a corridor to the goal at its right end",
        Family = "toy-text",            // grid-like: drawn by the grid scene through IGridView
        Options =
        [
            new("length", "6", "cells in the corridor (2-100)"),
            new("slip", "0", "probability that a move goes the other way"),
        ],
    });
}
