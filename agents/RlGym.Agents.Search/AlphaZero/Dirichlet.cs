using RlGym.Core.Random;

namespace RlGym.Agents.Search.AlphaZero;

/// <summary>Draws from a symmetric Dirichlet distribution, as normalised Gamma(α, 1) draws (Marsaglia and Tsang's method).</summary>
internal static class Dirichlet
{
    public static void Sample(Rng rng, double alpha, Span<double> into)
    {
        double sum = 0;
        for (int i = 0; i < into.Length; i++) sum += into[i] = Gamma(rng, alpha);
        for (int i = 0; i < into.Length; i++) into[i] = sum > 0 ? into[i] / sum : 1.0 / into.Length;
    }

    private static double Gamma(Rng rng, double alpha)
    {
        // For α < 1: Gamma(α) = Gamma(α + 1) · U^(1/α).
        if (alpha < 1) return Gamma(rng, alpha + 1) * Math.Pow(1 - rng.NextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
