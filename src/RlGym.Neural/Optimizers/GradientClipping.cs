namespace RlGym.Neural.Optimizers;

/// <summary>Gradient clipping by global norm, as PyTorch's <c>clip_grad_norm_</c> does it.</summary>
public static class GradientClipping
{
    /// <summary>‖g‖ = √(Σ over every parameter and entry of g²).</summary>
    public static double GlobalNorm(IReadOnlyList<Parameter> parameters)
    {
        double sum = 0;
        for (int p = 0; p < parameters.Count; p++)
        {
            ReadOnlySpan<double> g = parameters[p].Gradients;
            for (int i = 0; i < g.Length; i++) sum += g[i] * g[i];
        }
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// Scales every gradient by maxNorm / (‖g‖ + 10⁻⁶) when that factor is below 1, keeping the direction.
    /// Returns the norm before clipping.
    /// </summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The maximum norm must be positive.");
        double norm = GlobalNorm(parameters);
        double factor = maxNorm / (norm + 1e-6);
        if (factor >= 1) return norm;
        for (int p = 0; p < parameters.Count; p++)
        {
            Span<double> g = parameters[p].Gradients;
            for (int i = 0; i < g.Length; i++) g[i] *= factor;
        }
        return norm;
    }
}
