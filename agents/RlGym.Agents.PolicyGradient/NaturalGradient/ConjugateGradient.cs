namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The conjugate gradient method for A x = b with A symmetric positive definite, known only through products A p
/// (TRPO's Fisher-vector products): x₀ = 0, r₀ = p₀ = b, then
/// <code>
/// α_k = r_kᵀ r_k / p_kᵀ A p_k,   x_{k+1} = x_k + α_k p_k,   r_{k+1} = r_k − α_k A p_k,
/// p_{k+1} = r_{k+1} + (r_{k+1}ᵀ r_{k+1} / r_kᵀ r_k) p_k
/// </code>
/// In exact arithmetic it solves an n-dimensional system in n iterations; TRPO stops after about ten.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>Approximately solves A x = <paramref name="b"/> with at most <paramref name="iterations"/> products.</summary>
    public static double[] Solve(Func<double[], double[]> product, ReadOnlySpan<double> b, int iterations, double residualTolerance = 1e-10)
    {
        int n = b.Length;
        var x = new double[n];
        var r = b.ToArray();
        var p = b.ToArray();
        double rr = Dot(r, r);
        for (int k = 0; k < iterations && rr > residualTolerance; k++)
        {
            var ap = product(p);
            double alpha = rr / Dot(p, ap);
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double next = Dot(r, r);
            double beta = next / rr;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = next;
        }
        return x;
    }

    /// <summary>xᵀ y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
