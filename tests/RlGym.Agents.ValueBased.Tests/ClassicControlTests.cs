using RlGym.Training;
using RlGym.Training.Evaluation;

namespace RlGym.Agents.ValueBased.Tests;

/// <summary>
/// DQN on Gymnasium's classic-control tasks. CartPole counts the steps until solved (<see cref="Solving"/>); Acrobot
/// and MountainCar train for a budget, then evaluate the final weights greedily over 100 episodes with a separate
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
        TotalSteps = 120_000, N = 1,
    };

    // SB3 zoo's Acrobot-v1 DQN (100k steps, lr 6.3e-4, batch 128, buffer 50k, target every 250, ε → 0.1 over 12%),
    // four gradient steps every 4 steps as the zoo's gradient_steps = −1 means, and the default 64-64 network.
    // Measured: passes (mean of seeds 1–3 above −100) in 3 min 43 s Release on a loaded 2-core machine; with one gradient
    // step every 4 steps instead it fails: −97.0, −95.1, −133.3.
    private static readonly DqnOptions Acrobot = new()
    {
        Alpha = 6.3e-4, BatchSize = 128, BufferSize = 50_000, LearningStarts = 1_000, Gamma = 0.99,
        TargetUpdateInterval = 250, TrainFrequency = 4, GradientSteps = 4, ExplorationFraction = 0.12, EpsilonEnd = 0.1,
        TotalSteps = 100_000, N = 1,
    };

    /// <summary>
    /// The bar: CartPole-v1 solved (100-episode greedy mean ≥ 475) with the defaults within 100k environment
    /// steps for at least 4 of 5 seeds, "solved" as <see cref="Solving"/> measures it (screen every 2 000 steps, the
    /// first 100-episode evaluation ≥ 475 decides). Measured in Release with 1-step targets (the default before 2-step
    /// targets): seeds 1–5 solved at 33 897, 44 253, 54 878, 63 568 and never (4 of 5); seeds 6–10 at 58 436, 75 243,
    /// 59 154, 73 151 and never (8 of 10). Not yet measured again with the 2-step default.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Cartpole_is_solved_within_100k_steps_for_four_of_five_seeds()
    {
        var steps = new[] { 1L, 2, 3, 4, 5 }.Select(seed => Solving.Dqn("CartPole-v1", new DqnOptions(), seed, 100_000)).ToArray();
        Assert.True(steps.Count(s => s is not null) >= 4, $"solved at {string.Join(", ", steps.Select(s => s?.ToString() ?? "never"))}");
    }

    /// <summary>
    /// One seed of the bar above, cheap enough for the default suite: measured with 1-step targets solved at 33 897
    /// steps (seed 1) and 44 253 steps (seed 2), about 3 s each in Release; an unsolved run costs the whole 100k steps
    /// (~10 s). With the 2-step default the final agents of both seeds score 500 and 488.5.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cartpole_is_solved_within_100k_steps_with_the_defaults(long seed)
    {
        long? steps = Solving.Dqn("CartPole-v1", new DqnOptions(), seed, 100_000);
        Assert.NotNull(steps);
    }

    /// <summary>
    /// The final agent, not the best one: <c>rlgym train CartPole-v1 --agent dqn --steps 100000 --seed s</c> then
    /// <c>rlgym eval DIR --episodes 100</c> scores ≥ 475 for at least 4 of seeds 1–5. Measured with the defaults (the
    /// command line, on a loaded 2-core machine): 500, 488.5, 500, 474.6, 500, and seeds 6–10 end at 297.2, 500, 500,
    /// 500, 493.8 (8 of 10). The margin is thin (seed 4 misses by 0.4, seed 2 passes by 13.5); with 1-step targets the
    /// same settings scored 500, 475.2, 500, 133.7, 500 and 476.4, 441.2, 129.4, 321.3, 279.5 (5 of 10).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Cartpole_final_agent_after_100k_steps_scores_475_for_four_of_five_seeds()
    {
        var means = new[] { 1L, 2, 3, 4, 5 }.Select(seed => FinalGreedyMean("CartPole-v1", new DqnOptions(), 100_000, seed)).ToArray();
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

    /// <summary>
    /// What <c>rlgym train ID --agent dqn --steps N --seed s</c> then <c>rlgym eval DIR --episodes 100</c> print: the
    /// trainer's loop with the run's derived agent seed, then the final agent greedily from the evaluation seed.
    /// </summary>
    private static double FinalGreedyMean(string id, DqnOptions options, long steps, long seed)
    {
        using var probe = Episodes.Make(id);
        var agent = Episodes.Agent(probe, options, Seeds.Agent(seed));
        Trainer.Create(() => Episodes.Make(id), agent, new TrainerOptions { Seed = seed, Steps = steps, WriteLearningCurve = false }).Run();
        using var evalEnv = Episodes.Make(id);
        return Evaluator.Run(evalEnv, agent, 100, Seeds.Evaluation(seed)).Mean;
    }
}
