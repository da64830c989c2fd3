using RlGym.Agents.ContinuousControl.Tests.Support;
using RlGym.Core.Agents;
using RlGym.Core.Spaces;
using Xunit.Abstractions;

namespace RlGym.Agents.ContinuousControl.Tests;

/// <summary>
/// The targets on Pendulum-v1 (set from SB3 zoo's figures): 20k environment steps with each agent's defaults on one copy, then the mean
/// return of 100 greedy episodes (seeds 1000–1099) for seeds 1–5. SB3 zoo's anchor is about −150 at 20k.
/// The figures measured per seed (this machine, defaults, hidden 64-64) are written above each test.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PendulumLearningTests(ITestOutputHelper output)
{
    private const string Id = "Pendulum-v1";

    private static ActionBounds Bounds() => new((Box)VectorLoop.Registry().Make(Id).ActionSpace);

    private double[] Run(Func<long, IAgent<float[], float[]>> create, int copies = 1)
    {
        var scores = new double[5];
        for (int s = 0; s < 5; s++)
        {
            long seed = s + 1;
            var agent = create(seed);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            VectorLoop.Train(Id, agent, copies, 20_000, seed);
            scores[s] = VectorLoop.Evaluate(Id, agent, 100, 1000);
            output.WriteLine($"{agent.Name} seed {seed}: {scores[s]:F1} ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        return scores;
    }

    // Measured 2026-12-03 (defaults, one copy, greedy mean of 100 episodes): seeds 1–5 → −149.6, −146.5, −149.4,
    // −148.0, −148.3 (105–391 s each under heavy load). Asserted: ≥ −200 for 4 of 5.
    [Fact]
    public void Td3_reaches_minus_200_for_four_of_five_seeds()
    {
        var scores = Run(seed => new Td3Agent(3, Bounds(), new Td3Options(), seed));
        Assert.True(scores.Count(s => s >= -200) >= 4, string.Join(", ", scores.Select(s => s.ToString("F1"))));
    }

    // Measured 2026-12-03: seeds 1–5 → −150.9, −147.9, −147.6, −149.7, −148.1 (126–359 s each). Asserted:
    // ≥ −250 for 4 of 5.
    [Fact]
    public void Ddpg_reaches_minus_250_for_four_of_five_seeds()
    {
        var scores = Run(seed => new DdpgAgent(3, Bounds(), new DdpgOptions(), seed));
        Assert.True(scores.Count(s => s >= -250) >= 4, string.Join(", ", scores.Select(s => s.ToString("F1"))));
    }

    // Measured 2026-12-03: seeds 1–5 → −150.6, −148.0, −148.5, −146.4, −148.0 (104–774 s each). Asserted: ≥ −200
    // (TD3's target) for 4 of 5.
    [Fact]
    public void Sac_reaches_minus_200_for_four_of_five_seeds()
    {
        var scores = Run(seed => new SacAgent(3, Bounds(), new SacOptions(), seed));
        Assert.True(scores.Count(s => s >= -200) >= 4, string.Join(", ", scores.Select(s => s.ToString("F1"))));
    }
}
