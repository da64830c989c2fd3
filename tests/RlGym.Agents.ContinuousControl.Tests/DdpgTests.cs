using RlGym.Agents.ContinuousControl.Tests.Support;

namespace RlGym.Agents.ContinuousControl.Tests;

public sealed class DdpgTests
{
    // One transition, minibatch of 1, learning rates 0 (the step leaves the gradients and changes nothing), no hidden
    // layers: μ(s;θ) = tanh(θ_w s + θ_b), a = 2μ on Box(−2, 2), q(s,a;w) = w_s s + w_a a + w_b.
    private static DdpgAgent Linear(double gamma = 0.9) => new(1, Fixtures.Torque(), new DdpgOptions
    {
        HiddenSizes = [], BatchSize = 1, BufferSize = 4, LearningStarts = 0, Gamma = gamma,
        ActorLearningRate = 0, CriticLearningRate = 0, Tau = 0,
    }, seed: 1);

    [Fact]
    public void The_actor_gradient_is_the_chain_grad_a_q_times_h_times_grad_theta_mu()
    {
        var agent = Linear();
        Fixtures.Set(agent.Actor, [0.5], [0.1]);
        Fixtures.Set(agent.Critic, [0.3, -0.7], [0.2]);
        agent.ActorTarget.CopyFrom(agent.Actor);
        agent.CriticTarget.CopyFrom(agent.Critic);
        agent.Observe(Fixtures.Step([1f], 0.5f, 1.0, [2f]));

        // s = 1: μ = tanh(0.6) = 0.53704956699803527, 1 − μ² = 0.71157776301...; ∂q/∂a = w_a = −0.7, ∂a/∂μ = h = 2.
        // ∂(−q)/∂θ_w = −(−0.7)·2·(1 − μ²)·s = 0.99620886762..., and the same for θ_b (its input is 1).
        Assert.Equal(1, agent.Updates);
        Assert.Equal(0.996208867622, agent.Actor.Parameters[0].Gradients[0], 1e-11);
        Assert.Equal(0.996208867622, agent.Actor.Parameters[1].Gradients[0], 1e-11);
        // −q(s, 2μ) = −(0.3 − 0.7·1.07409913399607 + 0.2) = 0.251869393797...
        Assert.Equal(0.251869393797, agent.LastActorLoss, 1e-11);
    }

    [Fact]
    public void The_critic_regresses_on_r_plus_gamma_q_target_at_the_target_actor_s_action()
    {
        var agent = Linear(gamma: 0.9);
        Fixtures.Set(agent.Actor, [0.5], [0.1]);
        Fixtures.Set(agent.Critic, [0.3, -0.7], [0.2]);
        agent.ActorTarget.CopyFrom(agent.Actor);
        agent.CriticTarget.CopyFrom(agent.Critic);
        Fixtures.Set(agent.CriticTarget, [1.0, 0.5], [0.0]);
        agent.Observe(Fixtures.Step([1f], 0.5f, 1.0, [2f]));

        // s′ = 2: μ(s′;θ⁻) = tanh(1.1) = 0.80049902..., a′ = 1.60099804...; q(s′,a′;w⁻) = 2 + 0.5·1.60099804 = 2.80049902
        // y = 1 + 0.9·2.80049902... = 3.5204491196; q(s,a;w) = 0.3 − 0.35 + 0.2 = 0.15; loss (q − y)² = 11.3654...
        double y = 1 + 0.9 * (2 + 0.5 * 2 * Math.Tanh(1.1));
        Assert.Equal(3.5204491196, y, 1e-10);
        Assert.Equal((0.15 - y) * (0.15 - y), agent.LastCriticLoss, 1e-12);

        // A terminal s′ is not bootstrapped: y = r.
        var terminal = Linear();
        Fixtures.Set(terminal.Critic, [0.3, -0.7], [0.2]);
        terminal.Observe(Fixtures.Step([1f], 0.5f, 1.0, [2f], terminated: true));
        Assert.Equal((0.15 - 1.0) * (0.15 - 1.0), terminal.LastCriticLoss, 1e-12);
    }

    [Fact]
    public void The_actor_and_critic_gradients_pass_a_gradient_check_with_hidden_layers()
    {
        var agent = new DdpgAgent(3, Fixtures.Torque(), new DdpgOptions
        {
            HiddenSizes = [6, 5], BatchSize = 4, BufferSize = 8, LearningStarts = 100, ActorLearningRate = 0, CriticLearningRate = 0,
        }, seed: 3);
        var rng = new RlGym.Core.Random.Rng(9);
        float[] Obs() => [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-3, 3)];
        for (int i = 0; i < 6; i++) agent.Observe(Fixtures.Step(Obs(), (float)rng.Uniform(-2, 2), rng.Uniform(-5, 0), Obs()));
        var snapshot = Fixtures.Saved(agent);

        var actor = Fixtures.CheckStep(agent, snapshot, () => agent.Actor, agent.TrainStep, () => agent.LastActorLoss);
        Assert.True(actor.MaxRelativeError < 1e-5, actor.ToString());
        // The actor pass back-propagates through the critic too, so after a step the critic's gradient is that of the
        // critic loss plus the actor loss −mean q(s, μ(s;θ); w).
        var critic = Fixtures.CheckStep(agent, snapshot, () => agent.Critic, agent.TrainStep, () => agent.LastCriticLoss + agent.LastActorLoss);
        Assert.True(critic.MaxRelativeError < 1e-5, critic.ToString());
    }
}
