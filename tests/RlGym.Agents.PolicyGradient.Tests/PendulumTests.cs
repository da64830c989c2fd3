using RlGym.Agents.PolicyGradient.Tests.OnPolicy;
using RlGym.Core.Agents;
using RlGym.Core.Spaces;
using Xunit.Abstractions;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Gaussian policies on Pendulum-v1 (lecture 6, "stochastic policy for continuous control"): train through the test
/// loop's copies, save the final agent and load it into a fresh one, then the mean return of 100 greedy episodes
/// (the mean action, clipped; seeds 1000–1099), for seeds 1–5. Anchors: SB3 zoo's tuned A2C reaches −163 at 1M steps
/// and its PPO about −170 at 100k, both with state-dependent exploration, which RlGym does not have.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PendulumTests(ITestOutputHelper output)
{
    private const string Id = "Pendulum-v1";
    private static readonly Box s_actions = new(-2f, 2f, 1);

    /// <summary>A2C's defaults with γ = 0.9 (as the zoo's Pendulum settings): 8 copies × 16 steps, Adam, β 2·10⁻³, α 10⁻².</summary>
    public static A2COptions A2C { get; } = new() { Gamma = 0.9 };

    /// <summary>SB3 zoo's Pendulum-v1 PPO without SDE: 4 copies × 1024 steps, 10 epochs of minibatches of 64, γ 0.9, λ 0.95, learning rate 10⁻³ annealed over the run, no entropy bonus, no value clipping.</summary>
    public static PpoOptions Ppo { get; } = PpoOptions.Continuous with
    {
        LearningRate = 1e-3, NumSteps = 1024, NumMinibatches = 64, UpdateEpochs = 10, Gamma = 0.9, GaeLambda = 0.95,
        ClipVloss = false, TotalSteps = 200_000,
    };

    private double Run(string name, Func<long, IAgent<float[], float[]>> create, int copies, long steps, long seed)
    {
        var agent = create(seed);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        VectorLoop.Train(Id, agent, copies, steps, seed);
        using var file = new MemoryStream();
        agent.Save(file);
        var saved = create(seed + 100);
        file.Position = 0;
        saved.Load(file);
        double score = VectorLoop.Evaluate(Id, saved, 100, 1000);
        output.WriteLine($"{name} seed {seed}: {score:F1} ({watch.Elapsed.TotalSeconds:F0} s)");
        return score;
    }

    // Measured 2026-12-03 (this machine, load average ≈ 3 on 2 cores; 8 copies, greedy mean of 100 episodes of the
    // saved agent): seeds 1–5 → −181.2, −166.3, −351.6, −179.6, −230.2 (5 s each). Through `rlgym train Pendulum-v1
    // --agent a2c --steps 1000000 --set gamma=0.9` and `rlgym eval` (other seeding): −183.8, −289.2, −705.7, −194.8,
    // −252.3. With the default γ = 0.99 seeds 1 and 2 stayed near −1 000 (−1 065.7, −993.6). Asserted: ≥ −400 for 3 of 5.
    [Fact]
    public void A2c_with_a_gaussian_policy_reaches_minus_400_for_three_of_five_seeds_in_1m_steps()
    {
        var scores = Enumerable.Range(1, 5)
            .Select(s => Run("a2c", seed => new A2CAgent<float[]>(3, new GaussianHead(s_actions), A2C, seed), 8, 1_000_000, s)).ToArray();
        Assert.True(scores.Count(s => s >= -400) >= 3, string.Join(", ", scores.Select(s => s.ToString("F1"))));
    }

    // Measured 2026-12-03 (same machine and load; 4 copies): seeds 1–5 → −183.1, −178.0, −168.7, −174.6, −169.1 (7–8 s
    // each); through `rlgym train`/`eval` with the same settings: −194.2, −208.8, −161.3, −171.0, −193.4. PPO's Box
    // defaults (CleanRL's 2048 steps, γ 0.99, value clipping) gave −1 019.3 on seed 1, and these settings with the value
    // clipped (ε 0.2 on returns of tens, so v barely moves) −1 047.3: value clipping is what fails here, and CleanRL's
    // reward normalisation, which would keep returns near 1, is not in RlGym. Asserted: ≥ −300 for 3 of 5.
    [Fact]
    public void Ppo_with_the_zoo_settings_reaches_minus_300_for_three_of_five_seeds_in_200k_steps()
    {
        var scores = Enumerable.Range(1, 5)
            .Select(s => Run("ppo", seed => new PpoAgent<float[]>(3, new GaussianHead(s_actions), Ppo, seed), 4, 200_000, s)).ToArray();
        Assert.True(scores.Count(s => s >= -300) >= 3, string.Join(", ", scores.Select(s => s.ToString("F1"))));
    }
}
