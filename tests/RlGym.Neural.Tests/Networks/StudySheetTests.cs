using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;

namespace RlGym.Neural.Tests.Networks;

/// <summary>
/// The lectures' study-sheet exercise: x0 → a → b → c → d → e with a skip from b into d,
/// x_d = w_d x_c + b_d + w_d2 x_b + b_d2, loss (x_e − t)², built from Dense(1 → 1) layers.
/// </summary>
public sealed class StudySheetTests
{
    private static Dense Scalar(double w, double b)
    {
        var layer = new Dense(1, 1, new Rng(0));
        layer.Weights.Value[0, 0] = w;
        layer.Bias.Value[0, 0] = b;
        return layer;
    }

    private static Matrix<double> M(double v = 0) => Matrix<double>.Build.Dense(1, 1, v);

    [Fact]
    public void Bias_b_gets_gradient_along_both_paths_as_the_sheet_computes()
    {
        var a = Scalar(0.8, 0.1);
        var b = Scalar(-1.2, 0.3);
        var c = Scalar(0.5, -0.2);
        var d = Scalar(2, 0.05);
        var skip = Scalar(-0.7, 0.4);
        var e = Scalar(1.1, -0.3);
        var target = M(0.5);

        var x0 = M(1.5);
        Matrix<double> xa = M(), xb = M(), xc = M(), xdMain = M(), xdSkip = M(), xd = M(), xe = M();
        a.Forward(x0, xa);
        b.Forward(xa, xb);
        c.Forward(xb, xc);
        d.Forward(xc, xdMain);
        skip.Forward(xb, xdSkip);
        xd[0, 0] = xdMain[0, 0] + xdSkip[0, 0];
        e.Forward(xd, xe);

        // The sheet's loss has no ½, so its gradient is twice MseLoss's.
        var mse = new MseLoss();
        double loss = 2 * mse.Value(xe, target);
        var dxe = 2 * mse.Gradient(xe, target);

        Matrix<double> dxd = M(), dxc = M(), dxbMain = M(), dxbSkip = M(), dxb = M(), dxa = M();
        e.Backward(xd, xe, dxe, dxd);
        d.Backward(xc, xdMain, dxd, dxc);           // a sum passes its gradient unchanged to both addends
        skip.Backward(xb, xdSkip, dxd, dxbSkip);
        c.Backward(xb, xc, dxc, dxbMain);
        dxb[0, 0] = dxbMain[0, 0] + dxbSkip[0, 0];
        b.Backward(xa, xb, dxb, dxa);

        Assert.Equal(-0.6608, xe[0, 0], 1e-9);
        Assert.Equal(1.34745664, loss, 1e-9);
        Assert.Equal(-0.766128, b.Bias.Gradient[0, 0], 1e-9);
        Assert.Equal(-2.55376, dxbMain[0, 0], 1e-9);   // ∂x_b/∂b_b = 1, so these are the path contributions
        Assert.Equal(1.787632, dxbSkip[0, 0], 1e-9);
        // ∂loss/∂b_b = 2(x_e − t) w_e (w_d w_c + w_d2)
        Assert.Equal(2 * (-0.6608 - 0.5) * 1.1 * (2 * 0.5 - 0.7), b.Bias.Gradient[0, 0], 1e-12);
    }
}
