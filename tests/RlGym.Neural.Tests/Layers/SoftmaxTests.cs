using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Layers;

namespace RlGym.Neural.Tests.Layers;

public sealed class SoftmaxTests
{
    [Fact]
    public void Huge_logits_give_finite_probabilities_and_log_probabilities()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1000, 999, -1000 }, { -5e5, -5e5, -5e5 }, { 800, 0, 0 } });
        var p = Matrix<double>.Build.Dense(3, 3);
        var logP = Matrix<double>.Build.Dense(3, 3);
        new Softmax().Forward(x, p);
        new LogSoftmax().Forward(x, logP);

        double e = Math.Exp(-1);
        Assert.Equal(1 / (1 + e), p[0, 0], 1e-15);
        Assert.Equal(e / (1 + e), p[0, 1], 1e-15);
        Assert.Equal(0.0, p[0, 2]);
        Assert.Equal(-Math.Log(1 + e), logP[0, 0], 1e-12);
        Assert.Equal(-2000 + logP[0, 0], logP[0, 2], 1e-9);
        Assert.All(Enumerable.Range(0, 3), j => Assert.Equal(1.0 / 3, p[1, j], 1e-15));
        Assert.Equal(-800, logP[2, 1], 1e-9);
        Assert.All(logP.Enumerate(), v => Assert.True(double.IsFinite(v)));
        for (int i = 0; i < 3; i++) Assert.Equal(1.0, p.Row(i).Sum(), 1e-15);
    }
}
