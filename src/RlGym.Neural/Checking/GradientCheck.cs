using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural.Kernels;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;

namespace RlGym.Neural.Checking;

/// <summary>The outcome of a gradient check: the largest relative error and where it occurred.</summary>
public readonly record struct GradientCheckResult(double MaxRelativeError, string Worst)
{
    /// <summary>Combines two results, keeping the worse.</summary>
    public GradientCheckResult Max(GradientCheckResult other) => other.MaxRelativeError > MaxRelativeError ? other : this;

    /// <inheritdoc/>
    public override string ToString() => $"max relative error {MaxRelativeError:E2} at {Worst}";
}

/// <summary>
/// Compares analytic gradients with fourth-order central differences,
/// n = [8(f(x + h) − f(x − h)) − (f(x + 2h) − f(x − 2h))] / 12h, entry by entry. The fourth-order stencil
/// lets h be 10⁻⁴: truncation error stays near h⁴ while rounding noise (≈ ε·|f|/h) is 100 times smaller than
/// with h = 10⁻⁶, so even entries 10⁻⁷ times the size of f are checked reliably.
/// The relative error of an entry is |a − n| / max(|a|, |n|, floor); the floor keeps entries that are zero in
/// both from dividing noise by noise. Use in double precision, where 10⁻⁴ is a strict bound.
/// Keep kinks (ReLU at 0) more than 2h away from every pre-activation.
/// </summary>
public static class GradientCheck
{
    /// <summary>Default finite-difference step.</summary>
    public const double DefaultStep = 1e-4;

    /// <summary>Default floor of the relative error's denominator.</summary>
    public const double DefaultFloor = 1e-6;

    /// <summary>
    /// Checks <paramref name="analytic"/> = ∂f/∂x, perturbing each entry of <paramref name="x"/> in place
    /// (and restoring it) while <paramref name="f"/> re-evaluates the scalar function.
    /// </summary>
    public static GradientCheckResult Compare(Func<double> f, Span<double> x, ReadOnlySpan<double> analytic,
        string name = "x", double step = DefaultStep, double floor = DefaultFloor)
    {
        if (x.Length != analytic.Length) throw new ArgumentException($"{name}: {x.Length} entries but {analytic.Length} analytic gradients.");
        var result = new GradientCheckResult(0, name);
        for (int i = 0; i < x.Length; i++)
        {
            double saved = x[i];
            x[i] = saved + step;
            double plus = f();
            x[i] = saved - step;
            double minus = f();
            x[i] = saved + 2 * step;
            double plus2 = f();
            x[i] = saved - 2 * step;
            double minus2 = f();
            x[i] = saved;
            double numeric = (8 * (plus - minus) - (plus2 - minus2)) / (12 * step);
            double error = Math.Abs(analytic[i] - numeric) / Math.Max(floor, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
            if (error > result.MaxRelativeError)
                result = new GradientCheckResult(error, $"{name}[{i}] (analytic {analytic[i]:G6}, numeric {numeric:G6})");
        }
        return result;
    }

    /// <summary>
    /// Checks a layer's parameter and input gradients for the scalar f = Σ G ∘ layer(x), with G a random
    /// upstream gradient drawn from <paramref name="rng"/>. Parameter gradients are zeroed first.
    /// </summary>
    public static GradientCheckResult Layer(ILayer layer, Matrix<double> input, Rng rng)
    {
        int width = layer.OutputSize(input.ColumnCount);
        var output = Matrix<double>.Build.Dense(input.RowCount, width);
        var upstream = Matrix<double>.Build.Dense(input.RowCount, width, (_, _) => rng.NextGaussian());
        var inputGradient = Matrix<double>.Build.Dense(input.RowCount, input.ColumnCount);
        var x = input.Clone();
        double F()
        {
            layer.Forward(x, output);
            return Blas.Dot(upstream.Data(), output.Data());
        }
        foreach (var p in layer.Parameters) p.ZeroGrad();
        layer.Forward(x, output);
        layer.Backward(x, output, upstream, inputGradient);
        var result = Compare(F, x.Data(), inputGradient.Data(), $"{layer} input");
        foreach (var p in layer.Parameters)
            result = result.Max(Compare(F, p.Values, p.Gradients.ToArray(), $"{layer} {p.Name}"));
        return result;
    }

    /// <summary>
    /// Checks a network end to end for a scalar loss of its output: every parameter's gradient and the input
    /// gradient returned by <see cref="Sequential.Backward"/>. <paramref name="loss"/> gives the loss of an
    /// output, <paramref name="lossGradient"/> its gradient.
    /// </summary>
    public static GradientCheckResult Network(Sequential net, Matrix<double> input,
        Func<Matrix<double>, double> loss, Func<Matrix<double>, Matrix<double>> lossGradient)
    {
        var x = input.Clone();
        double F() => loss(net.Predict(x));
        net.ZeroGrad();
        var output = net.Forward(x);
        var inputGradient = net.Backward(lossGradient(output)).Data().ToArray();
        var result = Compare(F, x.Data(), inputGradient, "input");
        for (int i = 0; i < net.Parameters.Count; i++)
        {
            var p = net.Parameters[i];
            result = result.Max(Compare(F, p.Values, p.Gradients.ToArray(), $"parameter {i} ({p.Name} {p.Shape})"));
        }
        return result;
    }
}
