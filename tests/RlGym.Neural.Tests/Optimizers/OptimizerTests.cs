using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Neural.Tests.Optimizers;

public sealed class OptimizerTests
{
    // y = sin(2x₀) + x₁² on [−1, 1]²: a small nonlinear regression a 2-32-32-1 tanh net fits well.
    private static (Matrix<double> X, Matrix<double> Y) Regression(Rng rng, int n)
    {
        var x = Matrix<double>.Build.Dense(n, 2, (_, _) => rng.Uniform(-1, 1));
        var y = Matrix<double>.Build.Dense(n, 1, (i, _) => Math.Sin(2 * x[i, 0]) + x[i, 1] * x[i, 1]);
        return (x, y);
    }

    private static double Train(Func<IReadOnlyList<Parameter>, Optimizer> create, int seed, int steps)
    {
        var rng = new Rng(seed);
        var net = Mlp.Create([2, 32, 32, 1], Activation.Tanh, rng);
        var optimizer = create(net.Parameters);
        var loss = new MseLoss();
        var (x, y) = Regression(rng, 64);
        for (int step = 0; step < steps; step++)
        {
            net.ZeroGrad();
            var q = net.Forward(x);
            var dq = loss.Gradient(q, y);
            net.Backward(dq);
            optimizer.Step();
        }
        return loss.Value(net.Predict(x), y);
    }

    // The target's variance is about 0.55, so ½·MSE of the constant predictor is about 0.27.
    // Measured final ½·MSE after 500 steps: Adam (α 1e-2) 4.7e-4, 2.4e-4, 2.4e-4 for seeds 1–3;
    // SGD (α 0.1, μ 0.9) 1.7e-3, 1.3e-3, 4.8e-4; RMSProp (α 1e-3) 2.9e-3, 4.5e-3 for seeds 1–2.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Adam_fits_a_small_regression(int seed)
    {
        double l = Train(p => new Adam(p, 1e-2), seed, 500);
        Assert.True(l < 1e-3, $"loss {l}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sgd_with_momentum_fits_a_small_regression(int seed)
    {
        double l = Train(p => new Sgd(p, 0.1, momentum: 0.9), seed, 500);
        Assert.True(l < 1e-2, $"loss {l}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RmsProp_fits_a_small_regression(int seed)
    {
        double l = Train(p => new RmsProp(p, 1e-3), seed, 500);
        Assert.True(l < 1e-2, $"loss {l}");
    }

    [Fact]
    public void Plain_sgd_is_the_lectures_update()
    {
        var p = new Parameter("w", 1, 2);
        p.Values[0] = 1; p.Values[1] = -2;
        p.Gradients[0] = 0.5; p.Gradients[1] = -4;
        new Sgd([p], 0.1).Step();
        Assert.Equal(1 - 0.05, p.Values[0], 1e-15);
        Assert.Equal(-2 + 0.4, p.Values[1], 1e-15);
    }

    [Fact]
    public void Adam_steps_match_the_bias_corrected_formula()
    {
        var p = new Parameter("w", 1, 1);
        var adam = new Adam([p], 0.01, epsilon: Adam.CleanRlEpsilon);
        double w = 0, m = 0, v = 0;
        double[] gradients = [1.0, -0.5, 2.0];
        for (int t = 1; t <= gradients.Length; t++)
        {
            double g = gradients[t - 1];
            p.Gradients[0] = g;
            adam.Step();
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            w -= 0.01 * (m / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(v / (1 - Math.Pow(0.999, t))) + 1e-5);
            Assert.Equal(w, p.Values[0], 1e-15);
        }
        // The first bias-corrected step has size α whatever the gradient's scale.
        var q = new Parameter("w", 1, 1);
        q.Gradients[0] = 1e6;
        new Adam([q], 0.01).Step();
        Assert.Equal(-0.01, q.Values[0], 1e-9);
    }

    [Fact]
    public void Clipping_scales_the_global_norm_down_and_keeps_the_direction()
    {
        var a = new Parameter("a", 1, 2);
        var b = new Parameter("b", 1, 1);
        a.Gradients[0] = 3; a.Gradients[1] = 0; b.Gradients[0] = 4;   // ‖g‖ = 5
        double norm = GradientClipping.ClipByGlobalNorm([a, b], 0.5);
        Assert.Equal(5, norm, 1e-12);
        Assert.Equal(0.5, GradientClipping.GlobalNorm([a, b]), 1e-6);
        Assert.Equal(4.0 / 3.0, b.Gradients[0] / a.Gradients[0], 1e-12);
        GradientClipping.ClipByGlobalNorm([a, b], 10);   // under the bound: untouched
        Assert.Equal(0.5, GradientClipping.GlobalNorm([a, b]), 1e-6);
    }

    [Fact]
    public void Optimizer_clips_before_stepping_when_asked()
    {
        var p = new Parameter("w", 1, 2);
        p.Gradients[0] = 30; p.Gradients[1] = 40;
        var sgd = new Sgd([p], 1.0) { MaxGradNorm = 0.5 };
        sgd.Step();
        Assert.Equal(50, sgd.LastGradientNorm, 1e-12);
        Assert.Equal(-0.3, p.Values[0], 1e-6);
        Assert.Equal(-0.4, p.Values[1], 1e-6);
    }

    [Fact]
    public void Linear_schedule_decays_to_its_end_and_stays_there()
    {
        var schedule = LearningRateSchedule.Linear(2.5e-4, 0, 100);
        Assert.Equal(2.5e-4, schedule.At(0));
        Assert.Equal(1.25e-4, schedule.At(50), 1e-18);
        Assert.Equal(2.5e-6, schedule.At(99), 1e-18);   // CleanRL's last update: α₀ / num_updates
        Assert.Equal(0, schedule.At(100));
        Assert.Equal(0, schedule.At(1000));

        var p = new Parameter("w", 1, 1);
        var sgd = new Sgd([p], LearningRateSchedule.Linear(1.0, 0.5, 2));
        p.Gradients[0] = 1;
        sgd.Step(); sgd.Step(); sgd.Step();   // rates 1, 0.75, 0.5
        Assert.Equal(-2.25, p.Values[0], 1e-15);
        Assert.Equal(0.5, sgd.LearningRate);
    }
}
