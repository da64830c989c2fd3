using RlGym.Core.Random;

namespace RlGym.Neural.Distributions;

/// <summary>
/// The categorical distribution π = softmax(z) over actions, given by its logits z (one row of a policy
/// network's output, e.g. the span <c>Sequential.Predict(observation)</c> returns). All functions subtract
/// max z first, so huge logits neither overflow nor produce NaN; none allocates.
/// </summary>
public static class Categorical
{
    /// <summary>Draws an action with probability softmax(z)_a, one uniform number from <paramref name="rng"/>.</summary>
    public static int Sample(ReadOnlySpan<double> logits, Rng rng)
    {
        double max = Max(logits), total = 0;
        for (int k = 0; k < logits.Length; k++) total += Math.Exp(logits[k] - max);
        double u = rng.NextDouble() * total, acc = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            acc += Math.Exp(logits[k] - max);
            if (u < acc) return k;
        }
        return Mode(logits); // only rounding lets u reach the total; the mode always has mass
    }

    /// <summary>The most likely action (first on ties).</summary>
    public static int Mode(ReadOnlySpan<double> logits)
    {
        int best = 0;
        for (int k = 1; k < logits.Length; k++) if (logits[k] > logits[best]) best = k;
        return best;
    }

    /// <summary>Writes softmax(z) into <paramref name="probabilities"/>.</summary>
    public static void Probabilities(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        double logZ = LogNormaliser(logits);
        for (int k = 0; k < logits.Length; k++) probabilities[k] = Math.Exp(logits[k] - logZ);
    }

    /// <summary>ln π(a) = z_a − ln Σ_k exp z_k.</summary>
    public static double LogProb(ReadOnlySpan<double> logits, int action) => logits[action] - LogNormaliser(logits);

    /// <summary>H = −Σ_k π_k ln π_k.</summary>
    public static double Entropy(ReadOnlySpan<double> logits)
    {
        double logZ = LogNormaliser(logits), h = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            double logP = logits[k] - logZ, p = Math.Exp(logP);
            if (p > 0) h -= p * logP;
        }
        return h;
    }

    /// <summary>∂ ln π(a)/∂z_k = 1[k = a] − π_k, written into <paramref name="gradient"/>.</summary>
    public static void LogProbGradient(ReadOnlySpan<double> logits, int action, Span<double> gradient)
    {
        Probabilities(logits, gradient);
        for (int k = 0; k < gradient.Length; k++) gradient[k] = (k == action ? 1 : 0) - gradient[k];
    }

    /// <summary>∂H/∂z_k = −π_k (ln π_k + H), written into <paramref name="gradient"/>.</summary>
    public static void EntropyGradient(ReadOnlySpan<double> logits, Span<double> gradient)
    {
        double logZ = LogNormaliser(logits), h = Entropy(logits);
        for (int k = 0; k < logits.Length; k++)
        {
            double logP = logits[k] - logZ;
            gradient[k] = -Math.Exp(logP) * (logP + h);
        }
    }

    /// <summary>ln Σ_k exp z_k, computed as m + ln Σ_k exp(z_k − m).</summary>
    public static double LogNormaliser(ReadOnlySpan<double> logits)
    {
        double max = Max(logits), sum = 0;
        for (int k = 0; k < logits.Length; k++) sum += Math.Exp(logits[k] - max);
        return max + Math.Log(sum);
    }

    private static double Max(ReadOnlySpan<double> logits)
    {
        if (logits.IsEmpty) throw new ArgumentException("A categorical distribution needs at least one logit.", nameof(logits));
        double max = logits[0];
        for (int k = 1; k < logits.Length; k++) max = Math.Max(max, logits[k]);
        return max;
    }
}
