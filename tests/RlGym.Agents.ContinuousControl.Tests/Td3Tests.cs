using RlGym.Agents.ContinuousControl.Tests.Support;

namespace RlGym.Agents.ContinuousControl.Tests;

public sealed class Td3Tests
{
    private static Td3Agent Linear(double policyNoise = 0, double noiseClip = 0.5) => new(1, Fixtures.Torque(), new Td3Options
    {
        HiddenSizes = [], BatchSize = 1, BufferSize = 4, LearningStarts = 0, Gamma = 0.9,
        ActorLearningRate = 0, CriticLearningRate = 0, Tau = 0, TargetPolicyNoise = policyNoise, TargetNoiseClip = noiseClip,
    }, seed: 1);

    private static void SetUp(Td3Agent agent)
    {
        Fixtures.Set(agent.Actor, [0.5], [0.1]);
        Fixtures.Set(agent.Critic, [0.3, -0.7], [0.2]);
        Fixtures.Set(agent.Critic2, [0.1, 0.4], [0.0]);
        agent.ActorTarget.CopyFrom(agent.Actor);
        // Target critics: q_1′(s′,a′) = s′ + 0.5 a′ and q_2′(s′,a′) = 0.5 s′ + 2 a′.
        Fixtures.Set(agent.CriticTarget, [1.0, 0.5], [0.0]);
        Fixtures.Set(agent.Critic2Target, [0.5, 2.0], [0.0]);
    }

    [Fact]
    public void The_target_takes_the_smaller_of_the_twin_target_critics()
    {
        var agent = Linear();
        SetUp(agent);
        agent.Observe(Fixtures.Step([1f], 0.5f, 1.0, [2f]));

        // s′ = 2, a′ = 2 tanh(1.1) = 1.60099804...: q_1′ = 2.80049902, q_2′ = 4.20199608, min = q_1′;
        // y = 1 + 0.9·2.80049902 = 3.52044912; q_1(s,a) = 0.15, q_2(s,a) = 0.1 + 0.2 = 0.3.
        double a = 2 * Math.Tanh(1.1), y = 1 + 0.9 * Math.Min(2 + 0.5 * a, 1 + 2 * a);
        Assert.Equal(3.5204491196, y, 1e-10);
        Assert.Equal((0.15 - y) * (0.15 - y) + (0.3 - y) * (0.3 - y), agent.LastCriticLoss, 1e-12);

        // With s′ = −2 the second is smaller: a′ = 2 tanh(−0.9), q_1′ = −2 + 0.5 a′, q_2′ = −1 + 2 a′.
        var other = Linear();
        SetUp(other);
        other.Observe(Fixtures.Step([1f], 0.5f, 1.0, [-2f]));
        double b = 2 * Math.Tanh(-0.9), z = 1 + 0.9 * (-1 + 2 * b);
        Assert.True(-1 + 2 * b < -2 + 0.5 * b);
        Assert.Equal((0.15 - z) * (0.15 - z) + (0.3 - z) * (0.3 - z), other.LastCriticLoss, 1e-12);
    }

    [Fact]
    public void Smoothing_noise_is_clipped_so_targets_stay_between_the_clipped_ends()
    {
        // σ̃ = 10 half-widths, c = 0.25 half-widths = 0.5: ã′ ∈ [a′ − 0.5, a′ + 0.5] ∩ [−2, 2] with a′ = 2 tanh(1.1) = 1.601,
        // so ã′ ∈ [1.101, 2]; both target critics increase in a, so y ∈ [1 + 0.9 q_1′(1.101), 1 + 0.9 q_1′(2)] and
        // nearly every draw lands on a clipped end.
        double a = 2 * Math.Tanh(1.1);
        double low = (0.15 - (1 + 0.9 * (2 + 0.5 * (a - 0.5)))), high = (0.15 - (1 + 0.9 * (2 + 0.5 * 2)));
        int atLow = 0, atHigh = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var agent = new Td3Agent(1, Fixtures.Torque(), new Td3Options
            {
                HiddenSizes = [], BatchSize = 1, BufferSize = 4, LearningStarts = 0, Gamma = 0.9, ActorLearningRate = 0,
                CriticLearningRate = 0, Tau = 0, TargetPolicyNoise = 10, TargetNoiseClip = 0.25,
            }, seed);
            SetUp(agent);
            Fixtures.Set(agent.Critic2, [0.3, -0.7], [0.2]);
            Fixtures.Set(agent.Critic2Target, [1.0, 0.5], [0.0]);
            agent.Observe(Fixtures.Step([1f], 0.5f, 1.0, [2f]));
            // Both critics are equal here, so the loss is 2 (q − y)² with q = 0.15.
            double delta = -Math.Sqrt(agent.LastCriticLoss / 2);
            Assert.InRange(delta, high - 1e-12, low + 1e-12);
            if (Math.Abs(delta - low) < 1e-12) atLow++;
            if (Math.Abs(delta - high) < 1e-12) atHigh++;
        }
        Assert.True(atLow > 60 && atHigh > 60, $"{atLow} at the low end, {atHigh} at the high end of 200");
    }

    [Fact]
    public void The_actor_and_its_targets_move_only_every_policy_delay_critic_updates()
    {
        var agent = new Td3Agent(1, Fixtures.Torque(), new Td3Options
        {
            HiddenSizes = [4], BatchSize = 2, BufferSize = 16, LearningStarts = 0, PolicyDelay = 3,
        }, seed: 2);
        double Actor() => agent.Actor.Parameters[0].Values[0];
        double Target() => agent.ActorTarget.Parameters[0].Values[0];
        var changes = new List<(bool Actor, bool Target)>();
        for (int t = 0; t < 6; t++)
        {
            double before = Actor(), beforeTarget = Target();
            agent.Observe(Fixtures.Step([0.1f * t], 0.3f, -1, [0.1f * t + 0.1f]));
            changes.Add((Actor() != before, Target() != beforeTarget));
        }
        // Updates 1..6 (the first needs two transitions for a minibatch of 2, so updates are steps 2..6: 5 updates).
        Assert.Equal(5, agent.Updates);
        Assert.Equal([false, false, false, true, false, false], changes.Select(c => c.Actor));
        Assert.Equal(changes.Select(c => c.Actor), changes.Select(c => c.Target));
    }

    [Fact]
    public void The_actor_gradient_passes_a_gradient_check()
    {
        var agent = new Td3Agent(3, Fixtures.Torque(), new Td3Options
        {
            HiddenSizes = [6, 5], BatchSize = 4, BufferSize = 8, LearningStarts = 100, ActorLearningRate = 0, CriticLearningRate = 0,
            PolicyDelay = 1,
        }, seed: 4);
        var rng = new RlGym.Core.Random.Rng(8);
        float[] Obs() => [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-3, 3)];
        for (int i = 0; i < 6; i++) agent.Observe(Fixtures.Step(Obs(), (float)rng.Uniform(-2, 2), rng.Uniform(-5, 0), Obs()));
        var snapshot = Fixtures.Saved(agent);
        var actor = Fixtures.CheckStep(agent, snapshot, () => agent.Actor, agent.TrainStep, () => agent.LastActorLoss);
        Assert.True(actor.MaxRelativeError < 1e-5, actor.ToString());
    }
}
