using RlGym.Core.Agents;
using RlGym.Neural.Networks;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class TargetNetworkTests
{
    private static double[] Weights(Sequential net) => net.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();

    private static void Feed(DqnAgent agent, int steps, int seed = 0)
    {
        var rng = new Core.Random.Rng(seed);
        for (int t = 0; t < steps; t++)
        {
            float[] s = [rng.NextSingle(), rng.NextSingle()], s2 = [rng.NextSingle(), rng.NextSingle()];
            agent.Observe(new Transition<float[], int>(s, rng.NextInt(2), rng.NextGaussian(), s2, rng.Bernoulli(0.1), false));
        }
    }

    [Fact]
    public void Hard_updates_copy_the_online_weights_every_c_steps_and_not_between()
    {
        var options = new DqnOptions
        {
            HiddenSizes = [8], BufferSize = 1000, BatchSize = 8, LearningStarts = 10, TrainFrequency = 1, GradientSteps = 1,
            TargetUpdate = TargetUpdateKind.Hard, TargetUpdateInterval = 25, Alpha = 1e-2,
        };
        var agent = new DqnAgent(2, 2, options, seed: 1);
        Feed(agent, 50); // step 50 is a multiple of 25: w⁻ = w
        Assert.Equal(Weights(agent.QNetwork), Weights(agent.TargetNetwork));
        var copied = Weights(agent.TargetNetwork);
        Feed(agent, 10, seed: 1); // steps 51 … 60: online learns, target stays
        Assert.Equal(copied, Weights(agent.TargetNetwork));
        Assert.NotEqual(Weights(agent.QNetwork), Weights(agent.TargetNetwork));
        Feed(agent, 15, seed: 2); // step 75
        Assert.Equal(Weights(agent.QNetwork), Weights(agent.TargetNetwork));
    }

    [Fact]
    public void Soft_updates_move_the_target_tau_of_the_way_after_each_gradient_step()
    {
        var options = new DqnOptions
        {
            HiddenSizes = [8], BufferSize = 1000, BatchSize = 8, LearningStarts = 1_000_000, TargetUpdate = TargetUpdateKind.Soft,
            Tau = 0.1, Alpha = 1e-2,
        };
        var agent = new DqnAgent(2, 2, options, seed: 2);
        Feed(agent, 100); // stored, no learning yet
        var before = Weights(agent.TargetNetwork);
        Assert.Equal(Weights(agent.QNetwork), before);
        agent.TrainStep();
        var online = Weights(agent.QNetwork);
        var after = Weights(agent.TargetNetwork);
        Assert.NotEqual(before, online);
        for (int i = 0; i < after.Length; i++) Assert.Equal(0.1 * online[i] + 0.9 * before[i], after[i], 12);
    }
}
