using RlGym.Core.Random;
using RlGym.Neural.Checking;
using RlGym.Neural.Distributions;

namespace RlGym.Neural.Tests.Distributions;

public sealed class DiagonalGaussianTests
{
    [Fact]
    public void Log_probability_matches_the_normal_density()
    {
        double[] mean = [0.5, -1], logStd = [Math.Log(2), 0], action = [1.5, -1];
        double expected = Math.Log(Normal(1.5, 0.5, 2)) + Math.Log(Normal(-1, -1, 1));
        Assert.Equal(expected, DiagonalGaussian.LogProb(mean, logStd, action), 1e-12);
        Assert.Equal(Math.Log(2) + Math.Log(2 * Math.PI * Math.E), DiagonalGaussian.Entropy(logStd), 1e-12);
    }

    private static double Normal(double x, double mu, double sigma) =>
        Math.Exp(-0.5 * Math.Pow((x - mu) / sigma, 2)) / (sigma * Math.Sqrt(2 * Math.PI));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Log_probability_gradients_match_finite_differences(int seed)
    {
        var rng = new Rng(seed);
        double[] mean = [rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian()];
        double[] logStd = [rng.Uniform(-1, 1), rng.Uniform(-1, 1), rng.Uniform(-1, 1)];
        var action = new double[3];
        DiagonalGaussian.Sample(mean, logStd, rng, action);
        double[] dMean = new double[3], dLogStd = new double[3];
        DiagonalGaussian.LogProbGradient(mean, logStd, action, dMean, dLogStd);
        var result = GradientCheck.Compare(() => DiagonalGaussian.LogProb(mean, logStd, action), mean, dMean, "μ")
            .Max(GradientCheck.Compare(() => DiagonalGaussian.LogProb(mean, logStd, action), logStd, dLogStd, "ln σ"));
        Assert.True(result.MaxRelativeError < 1e-4, result.ToString());
    }

    [Fact]
    public void Samples_have_the_requested_mean_and_spread()
    {
        var rng = new Rng(7);
        double[] mean = [1.0, -2.0], logStd = [Math.Log(0.5), Math.Log(3)];
        var a = new double[2];
        const int n = 20_000;
        double[] sum = new double[2], sumSq = new double[2];
        for (int i = 0; i < n; i++)
        {
            DiagonalGaussian.Sample(mean, logStd, rng, a);
            for (int j = 0; j < 2; j++) { sum[j] += a[j]; sumSq[j] += a[j] * a[j]; }
        }
        for (int j = 0; j < 2; j++)
        {
            double sigma = Math.Exp(logStd[j]);
            double m = sum[j] / n, sd = Math.Sqrt(sumSq[j] / n - m * m);
            Assert.InRange(m, mean[j] - 5 * sigma / Math.Sqrt(n), mean[j] + 5 * sigma / Math.Sqrt(n));
            // The sample standard deviation's standard error is σ/√(2n).
            Assert.InRange(sd, sigma * (1 - 5 / Math.Sqrt(2.0 * n)), sigma * (1 + 5 / Math.Sqrt(2.0 * n)));
        }
    }
}
