using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Distributions;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Neural.Tests.Networks;

/// <summary>One step of the documented training loop reproduces the lectures' update rules exactly.</summary>
public sealed class UpdateRuleTests
{
    [Fact]
    public void Dqn_step_with_half_squared_error_is_w_minus_alpha_delta_grad_q()
    {
        // Q(s, ·; w) = s W + b is linear, so ∇_{W[:, a]} Q(s, a) = s and ∇_{b_a} Q(s, a) = 1.
        var dense = new Dense(4, 2, new Rng(1));
        var net = new Sequential(dense);
        var before = dense.Weights.Value.Clone();
        var biasBefore = dense.Bias.Value.Clone();
        var sgd = new Sgd(net.Parameters, 0.1);
        var loss = new MseLoss(Reduction.Sum);
        float[] s = [0.1f, -0.2f, 0.3f, 0.05f];
        var x = Matrix<double>.Build.Dense(1, 4);
        x.CopyRowFrom(0, s);
        double y = 1.5;

        net.ZeroGrad();
        var q = net.Forward(x);
        double delta = q[0, 1] - y;
        net.Backward(loss.Gradient(q, [1], [y]));
        sgd.Step();

        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(before[k, 0], dense.Weights.Value[k, 0]);
            Assert.Equal(before[k, 1] - 0.1 * delta * s[k], dense.Weights.Value[k, 1], 1e-15);
        }
        Assert.Equal(biasBefore[0, 1] - 0.1 * delta, dense.Bias.Value[0, 1], 1e-15);
    }

    [Fact]
    public void Reinforce_step_is_theta_plus_beta_u_grad_log_pi()
    {
        var dense = new Dense(3, 2, new Rng(2));
        var policy = new Sequential(dense);
        var before = dense.Weights.Value.Clone();
        var sgd = new Sgd(policy.Parameters, 0.05);
        var loss = new PolicyGradientLoss(reduction: Reduction.Sum);
        double[] s = [0.4, -1.0, 0.7];
        var x = Matrix<double>.Build.Dense(1, 3);
        x.CopyRowFrom(0, s);
        const int action = 0;
        const double u = 2.5;

        policy.ZeroGrad();
        var logits = policy.Forward(x);
        var gradLogPi = new double[2];
        Categorical.LogProbGradient(policy.Predict(s), action, gradLogPi);   // ∂ ln π(a|s)/∂z
        policy.Backward(loss.Gradient(logits, [action], [u]));
        sgd.Step();

        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(before[k, j] + 0.05 * u * gradLogPi[j] * s[k], dense.Weights.Value[k, j], 1e-15);
    }

    [Fact]
    public void Row_helpers_read_and_write_single_samples()
    {
        var m = Matrix<double>.Build.Dense(3, 4);
        m.CopyRowFrom(1, [1f, 5f, -2f, 5f]);
        Assert.Equal(1, m.RowArgMax(1));
        Assert.Equal(5, m.RowMax(1));
        var row = new double[4];
        m.CopyRowTo(1, row);
        Assert.Equal([1.0, 5.0, -2.0, 5.0], row);
        Assert.Equal(0, m[0, 1]);
        Assert.Throws<ArgumentException>(() => m.CopyRowFrom(0, [1f, 2f]));
    }
}
