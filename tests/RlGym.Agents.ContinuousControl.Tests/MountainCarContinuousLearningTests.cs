using RlGym.Agents.ContinuousControl.Tests.Support;
using RlGym.Core.Spaces;
using Xunit.Abstractions;

namespace RlGym.Agents.ContinuousControl.Tests;

/// <summary>
/// MountainCarContinuous-v0 within 100k environment steps: standing still (return about 0) is a local optimum because
/// every push costs 0.1 a², so the agent must stumble on the flag (+100) before it can learn to go there. TD3 with
/// Ornstein-Uhlenbeck noise of scale 0.5 (correlated pushes that rock the car) and 1 000 random warm-up steps does;
/// its default Gaussian noise of 0.1 does not.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MountainCarContinuousLearningTests(ITestOutputHelper output)
{
    private const string Id = "MountainCarContinuous-v0";

    // Measured 2026-12-03 with `rlgym train … --steps 100000 --seed S` and these settings, then `rlgym eval DIR
    // --episodes 100` (greedy): seeds 1–5 → 93.6, 93.0, 93.3, −1.3, 93.0 (seed 4 never reached the flag and learnt to
    // stand still); 177–525 s per run under load average 1–12. This test's own loop (greedy episodes seeded 1000–1099):
    // 91.5, 93.6, 93.4, 93.5, 93.6, 16 minutes in all at load average 1–3. Asserted: the reward threshold 90 for 3 of 5.
    [Fact]
    public void Td3_with_ornstein_uhlenbeck_noise_reaches_90_for_three_of_five_seeds()
    {
        var bounds = new ActionBounds((Box)VectorLoop.Registry().Make(Id).ActionSpace);
        var options = new Td3Options { Noise = ExplorationNoiseKind.OrnsteinUhlenbeck, ExplorationNoise = 0.5, LearningStarts = 1_000 };
        var scores = new double[5];
        for (int s = 0; s < 5; s++)
        {
            long seed = s + 1;
            var agent = new Td3Agent(2, bounds, options, seed);
            VectorLoop.Train(Id, agent, copies: 1, envSteps: 100_000, seed);
            scores[s] = VectorLoop.Evaluate(Id, agent, 100, 1000);
            output.WriteLine($"td3 seed {seed}: {scores[s]:F1}");
        }
        Assert.True(scores.Count(x => x >= 90) >= 3, string.Join(", ", scores.Select(x => x.ToString("F1"))));
    }
}
