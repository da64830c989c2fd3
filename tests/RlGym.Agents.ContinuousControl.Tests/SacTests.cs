using RlGym.Agents.ContinuousControl.Tests.Support;

namespace RlGym.Agents.ContinuousControl.Tests;

public sealed class SacTests
{
    private static SacAgent Small(bool autotune, int seed = 5) => new(3, Fixtures.Torque(), new SacOptions
    {
        HiddenSizes = [6, 5], BatchSize = 4, BufferSize = 8, LearningStarts = 100, PolicyLearningRate = 0, QLearningRate = 0,
        Autotune = autotune, Alpha = 0.3,
    }, seed);

    private static void Fill(SacAgent agent)
    {
        var rng = new RlGym.Core.Random.Rng(7);
        float[] Obs() => [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-3, 3)];
        for (int i = 0; i < 6; i++) agent.Observe(Fixtures.Step(Obs(), (float)rng.Uniform(-2, 2), rng.Uniform(-5, 0), Obs()));
    }

    [Fact]
    public void The_reparameterised_policy_gradient_through_tanh_and_the_log_sigma_squash_passes_a_gradient_check()
    {
        var agent = Small(autotune: false);
        Fill(agent);
        var snapshot = Fixtures.Saved(agent);
        var policy = Fixtures.CheckStep(agent, snapshot, () => agent.Policy, agent.TrainStep, () => agent.LastPolicyLoss);
        Assert.True(policy.MaxRelativeError < 1e-5, policy.ToString());
    }

    [Fact]
    public void The_critic_gradient_with_the_soft_target_passes_a_gradient_check()
    {
        var agent = Small(autotune: false);
        Fill(agent);
        var snapshot = Fixtures.Saved(agent);
        // After a step the critics' gradients hold the critic loss and the policy pass's −min_j q_j part.
        var critic = Fixtures.CheckStep(agent, snapshot, () => agent.Critic1, agent.TrainStep,
            () => agent.LastCriticLoss + agent.LastPolicyLoss);
        Assert.True(critic.MaxRelativeError < 1e-5, critic.ToString());
    }

    [Fact]
    public void The_temperature_rises_when_the_policy_is_less_random_than_the_target_entropy()
    {
        // A policy whose ln σ head is driven to its minimum (−5) has entropy far below −|A| = −1, so
        // ∂/∂ln α of −α (ln π + H̄) is negative and the Adam step raises α.
        var agent = new SacAgent(3, Fixtures.Torque(), new SacOptions
        {
            HiddenSizes = [], BatchSize = 4, BufferSize = 8, LearningStarts = 100, QLearningRate = 0.01, PolicyLearningRate = 0,
        }, seed: 2);
        Fixtures.Set(agent.Policy, [0, 0, 0, 0, 0, 0], [0, -50]);
        Fill(agent);
        agent.TrainStep();
        Assert.Equal(Math.Exp(0.01), agent.Alpha, 1e-9);

        var broad = new SacAgent(3, Fixtures.Torque(), new SacOptions
        {
            HiddenSizes = [], BatchSize = 4, BufferSize = 8, LearningStarts = 100, QLearningRate = 0.01, PolicyLearningRate = 0,
        }, seed: 2);
        // ln σ = 0 (head atanh(3/7) = 0.45814536593707755): tanh(N(0, 1)) on a half-width of 2 has entropy about
        // 1.4 + ln 2 − 0.9 ≈ 1.2, above −1, so α falls. (ln σ at its maximum 2 would not do: the squash piles a broad
        // Gaussian onto the interval's ends, whose entropy is low.)
        Fixtures.Set(broad.Policy, [0, 0, 0, 0, 0, 0], [0, 0.45814536593707755]);
        Fill(broad);
        broad.TrainStep();
        Assert.Equal(Math.Exp(-0.01), broad.Alpha, 1e-9);
    }

    [Fact]
    public void Greedy_actions_are_the_squashed_mean()
    {
        var agent = new SacAgent(1, Fixtures.Torque(), new SacOptions { HiddenSizes = [] }, seed: 1);
        Fixtures.Set(agent.Policy, [0.5, 0], [0.1, 0]);
        // μ = 0.5·0.8 + 0.1 = 0.5, a = 2 tanh(0.5)
        Assert.Equal((float)(2 * Math.Tanh(0.5)), agent.Act([0.8f], explore: false)[0], 1e-6);
    }
}
