using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Checking;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Each agent's losses, differentiated by backpropagation, against fourth-order finite differences
/// (<see cref="GradientCheck"/>) on a batch of 5 random CartPole-like observations. Tanh networks have no kinks, so
/// the relative error stays far below 10⁻⁴ (measured: below 10⁻⁷).
/// </summary>
public sealed class GradientCheckTests
{
    private const double Tolerance = 1e-5;
    private static readonly int[] s_indices = [0, 1, 1, 0, 1];
    private static readonly double[] s_actions = [0, 1, 1, 0, 1]; // the same actions as the agents store them
    private static readonly double[] s_weights = [1.5, -0.7, 2.0, 0.3, -1.1];

    private static Matrix<double> Batch()
    {
        var rng = new Rng(3);
        return Matrix<double>.Build.Dense(5, 4, (_, _) => rng.NextGaussian());
    }

    private static double Check(Sequential net, Func<double> loss, Action gradient)
    {
        gradient();
        double worst = 0;
        foreach (Parameter p in net.Parameters)
            worst = Math.Max(worst, GradientCheck.Compare(loss, p.Values, p.Gradients.ToArray(), p.ToString()).MaxRelativeError);
        return worst;
    }

    [Fact]
    public void Reinforce_surrogate_gradient_matches_finite_differences()
    {
        var agent = new ReinforceAgent<int>(4, new CategoricalHead(2), new ReinforceOptions { HiddenSizes = [8, 8] }, seed: 1);
        var x = Batch();
        Assert.InRange(Check(agent.Policy, () => agent.Loss(x, s_actions, s_weights), () => agent.LossGradient(x, s_actions, s_weights)), 0, Tolerance);
    }

    [Fact]
    public void Reinforce_with_baseline_policy_and_value_gradients_match_finite_differences()
    {
        var agent = new ReinforceBaselineAgent<int>(4, new CategoricalHead(2), new ReinforceBaselineOptions { HiddenSizes = [8, 8] }, seed: 1);
        var x = Batch();
        Assert.InRange(Check(agent.Policy, () => agent.PolicyLoss(x, s_actions, s_weights), () => agent.PolicyLossGradient(x, s_actions, s_weights)), 0, Tolerance);
        Assert.InRange(Check(agent.Value, () => agent.ValueLoss(x, s_weights), () => agent.ValueLossGradient(x, s_weights)), 0, Tolerance);
    }

    [Fact]
    public void Actor_critic_actor_and_q_critic_gradients_match_finite_differences()
    {
        var agent = new ActorCriticAgent(4, 2, new ActorCriticOptions { HiddenSizes = [8, 8] }, seed: 1);
        var x = Batch();
        Assert.InRange(Check(agent.Policy, () => agent.PolicyLoss(x, s_indices, s_weights), () => agent.PolicyLossGradient(x, s_indices, s_weights)), 0, Tolerance);
        Assert.InRange(Check(agent.Q, () => agent.ValueLoss(x, s_indices, s_weights), () => agent.ValueLossGradient(x, s_indices, s_weights)), 0, Tolerance);
    }

    [Fact]
    public void A2c_policy_with_entropy_and_value_gradients_match_finite_differences()
    {
        var agent = new A2CAgent<int>(4, new CategoricalHead(2), new A2COptions { HiddenSizes = [8, 8], EntCoef = 0.05 }, seed: 1);
        var x = Batch();
        Assert.InRange(Check(agent.Policy, () => agent.PolicyLoss(x, s_actions, s_weights), () => agent.PolicyLossGradient(x, s_actions, s_weights)), 0, Tolerance);
        Assert.InRange(Check(agent.Value, () => agent.ValueLoss(x, s_weights), () => agent.ValueLossGradient(x, s_weights)), 0, Tolerance);
    }
}
