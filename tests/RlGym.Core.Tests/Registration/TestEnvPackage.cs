using RlGym.Core.Registration;
using RlGym.Core.Tests.TestEnvs;

namespace RlGym.Core.Tests.Registration;

/// <summary>Registers the test environments, as an environment project or a plugin assembly would.</summary>
public sealed class TestEnvPackage : IEnvPackage
{
    public void Register(EnvRegistry registry)
    {
        registry.Register(new EnvSpec
        {
            Id = "Corridor-v0",
            Factory = o => new CorridorEnv(o.GetInt("length", 5, min: 2), o.GetDouble("slip", 0, 0, 1)),
            MaxEpisodeSteps = 20,
            Options = [new("length", "5", "cells"), new("slip", "0", "probability that a move is reversed")],
        });
        registry.Register(new EnvSpec
        {
            Id = "Drift-v0",
            Factory = _ => new DriftEnv(),
            Description = "a cart drifting on a line",
        });
    }
}
