using RlGym.Core.Registration;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>The tiny environments the CLI tests load through <c>--plugin</c>.</summary>
public sealed class TestEnvironments : IEnvPackage
{
    public void Register(EnvRegistry registry)
    {
        registry.Register(new EnvSpec
        {
            Id = "Corridor-v0",
            Factory = o => new CorridorEnv(o),
            MaxEpisodeSteps = 20,
            RewardThreshold = 0.9,
            Description = "A corridor to walk right along",
            Options = [new("length", "5", "Number of cells"), new("slip", "0", "Probability that a move goes the other way")],
        });
        registry.Register(new EnvSpec
        {
            Id = "Drift-v0",
            Factory = _ => new DriftEnv(),
            MaxEpisodeSteps = 10,
            Description = "A noisy point pushed left or right",
        });
        registry.Register(new EnvSpec
        {
            Id = "NanReward-v0",
            Factory = o => new NanRewardEnv(o),
            MaxEpisodeSteps = 10,
            Options = [new("nan_at_episode", "5", "The episode whose third step returns a NaN reward")],
        });
        registry.Register(new EnvSpec { Id = "Broken-v0", Factory = _ => new BrokenEnv(), MaxEpisodeSteps = 5 });
    }
}
