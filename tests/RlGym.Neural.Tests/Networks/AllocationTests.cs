using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Distributions;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Neural.Tests.Networks;

public sealed class AllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void A_training_step_on_a_cartpole_sized_net_allocates_nothing_after_warm_up(int batch)
    {
        var rng = new Rng(1);
        var net = Mlp.Create([4, 64, 64, 2], Activation.ReLU, rng);
        var target = net.Clone();
        var adam = new Adam(net.Parameters, LearningRateSchedule.Linear(1e-3, 1e-4, 1000)) { MaxGradNorm = 10 };
        var x = Random.Matrix(rng, batch, 4);
        var actions = new int[batch];
        var targets = new double[batch];
        var loss = new HuberLoss();
        var policyLoss = new PolicyGradientLoss(entropyCoefficient: 0.01);
        var observation = new float[] { 0.01f, -0.02f, 0.03f, 0.04f };

        void Step()
        {
            var qNext = target.Predict(x);
            for (int i = 0; i < batch; i++) targets[i] = 1 + 0.99 * qNext.RowMax(i);
            x.CopyRowFrom(0, observation);
            net.ZeroGrad();
            var q = net.Forward(x);
            net.Backward(loss.Gradient(q, actions, targets));
            adam.Step();
            target.SoftUpdateFrom(net, 0.005);

            net.ZeroGrad();
            var logits = net.Forward(x);
            net.Backward(policyLoss.Gradient(logits, actions, targets));
            adam.Step();
            actions[0] = Categorical.Sample(net.Predict(observation), rng);
        }

        for (int i = 0; i < 20; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
