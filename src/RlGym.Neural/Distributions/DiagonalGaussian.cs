using RlGym.Core.Random;

namespace RlGym.Neural.Distributions;

/// <summary>
/// A Gaussian with independent coordinates, N(μ, diag σ²), parameterised by mean μ and log standard deviation
/// ln σ (the stochastic Gaussian policy of continuous control). Log-probabilities and entropy sum over coordinates:
/// <code>
/// ln p(a) = Σ_j [ −½ ((a_j − μ_j)/σ_j)² − ln σ_j − ½ ln 2π ]
/// ∂ ln p/∂μ_j = (a_j − μ_j)/σ_j²      ∂ ln p/∂ln σ_j = ((a_j − μ_j)/σ_j)² − 1
/// H = Σ_j [ ln σ_j + ½ ln(2πe) ]      ∂H/∂ln σ_j = 1
/// </code>
/// </summary>
public static class DiagonalGaussian
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Writes a = μ + σ ε, ε ~ N(0, I), into <paramref name="action"/>.</summary>
    public static void Sample(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, Rng rng, Span<double> action)
    {
        Check(mean, logStd, action.Length);
        for (int j = 0; j < mean.Length; j++) action[j] = mean[j] + Math.Exp(logStd[j]) * rng.NextGaussian();
    }

    /// <summary>ln p(a | μ, σ).</summary>
    public static double LogProb(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action)
    {
        Check(mean, logStd, action.Length);
        double sum = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            double z = (action[j] - mean[j]) * Math.Exp(-logStd[j]);
            sum += -0.5 * z * z - logStd[j] - HalfLogTwoPi;
        }
        return sum;
    }

    /// <summary>H = Σ_j ln σ_j + ½ ln(2πe) per coordinate; independent of μ.</summary>
    public static double Entropy(ReadOnlySpan<double> logStd)
    {
        double sum = 0;
        for (int j = 0; j < logStd.Length; j++) sum += logStd[j] + 0.5 + HalfLogTwoPi;
        return sum;
    }

    /// <summary>Writes ∂ ln p(a)/∂μ and ∂ ln p(a)/∂ ln σ.</summary>
    public static void LogProbGradient(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action,
        Span<double> meanGradient, Span<double> logStdGradient)
    {
        Check(mean, logStd, action.Length);
        for (int j = 0; j < mean.Length; j++)
        {
            double invVar = Math.Exp(-2 * logStd[j]);
            double diff = action[j] - mean[j];
            meanGradient[j] = diff * invVar;
            logStdGradient[j] = diff * diff * invVar - 1;
        }
    }

    private static void Check(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, int actionLength)
    {
        if (mean.Length != logStd.Length || mean.Length != actionLength)
            throw new ArgumentException($"Mean ({mean.Length}), log-std ({logStd.Length}) and action ({actionLength}) must have the same length.");
    }
}
