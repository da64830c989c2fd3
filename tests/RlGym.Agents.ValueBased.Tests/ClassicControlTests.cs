namespace RlGym.Agents.ValueBased.Tests;

/// <summary>
/// DQN on Gymnasium's classic-control tasks, trained then evaluated greedily over 100 episodes with a separate
/// environment. The multi-seed runs take minutes and carry the Slow trait; their measured numbers are in the comments.
/// </summary>
public sealed class ClassicControlTests
{
    // Stable-Baselines3 zoo's MountainCar-v0 DQN (120k steps), with the default 64-64 network instead of its 256-256.
    // Measured: passes (mean of seeds 1–3 above −150) in 2 min 52 s Release on a loaded 2-core machine.
    private static readonly DqnOptions MountainCar = new()
    {
        Alpha = 4e-3, BatchSize = 128, BufferSize = 10_000, LearningStarts = 1_000, Gamma = 0.98,
        TargetUpdateInterval = 600, TrainFrequency = 16, GradientSteps = 8, ExplorationFraction = 0.2, EpsilonEnd = 0.07,
        TotalSteps = 120_000,
    };

    // SB3 zoo's Acrobot-v1 DQN (100k steps, lr 6.3e-4, batch 128, buffer 50k, target every 250, ε → 0.1 over 12%),
    // four gradient steps every 4 steps as the zoo's gradient_steps = −1 means, and the default 64-64 network.
    // Measured: passes (mean of seeds 1–3 above −100) in 3 min 43 s Release on a loaded 2-core machine; with one gradient
    // step every 4 steps instead it fails: −97.0, −95.1, −133.3.
    private static readonly DqnOptions Acrobot = new()
    {
        Alpha = 6.3e-4, BatchSize = 128, BufferSize = 50_000, LearningStarts = 1_000, Gamma = 0.99,
        TargetUpdateInterval = 250, TrainFrequency = 4, GradientSteps = 4, ExplorationFraction = 0.12, EpsilonEnd = 0.1,
        TotalSteps = 100_000,
    };

    // The issue's bar. Measured with the defaults (64-64 network, final weights, 100 greedy episodes): after 100k steps
    // 414.2, 421.3, 130.5, 125.1, 99.9 for seeds 2, 5, 4, 1, 3 (0 of 5 solved); after 50k steps 480.7, 43.2, 138.6,
    // 54.7, 500.0 (2 of 5); lr 1e-3 at 100k: 17.6, 199.8, 135.0, 370.7, 500.0 (1 of 5). This test FAILS today: the final
    // policy of DQN on CartPole is unstable; the zoo's 256-256 network was not measured (16× the cost per step).
    [Fact]
    [Trait("Category", "Slow")]
    public void Cartpole_is_solved_within_100k_steps_for_four_of_five_seeds()
    {
        var means = new[] { 1L, 2, 3, 4, 5 }.Select(seed => Episodes.TrainAndEvaluate("CartPole-v1", new DqnOptions(), 100_000, seed)).ToArray();
        Assert.True(means.Count(m => m >= 475) >= 4, $"greedy means {string.Join(", ", means.Select(m => m.ToString("F1")))}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Acrobot_gets_above_minus_100()
    {
        var means = new[] { 1L, 2, 3 }.Select(seed => Episodes.TrainAndEvaluate("Acrobot-v1", Acrobot, 100_000, seed)).ToArray();
        Assert.True(means.Average() > -100, $"greedy means {string.Join(", ", means.Select(m => m.ToString("F1")))}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Mountain_car_gets_above_minus_150()
    {
        var means = new[] { 1L, 2, 3 }.Select(seed => Episodes.TrainAndEvaluate("MountainCar-v0", MountainCar, 120_000, seed)).ToArray();
        Assert.True(means.Average() > -150, $"greedy means {string.Join(", ", means.Select(m => m.ToString("F1")))}");
    }
}
