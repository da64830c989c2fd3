using System.Numerics;
using Lanes = System.Numerics.Vector<double>;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>Elementwise hyperbolic tangent (vectorised); its derivative is taken from the output, 1 − y².</summary>
public sealed class Tanh : ILayer
{
    /// <inheritdoc/>
    public int OutputSize(int inputSize) => inputSize;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public void Forward(Matrix<double> input, Matrix<double> output)
    {
        ReadOnlySpan<double> x = input.Data();
        Span<double> y = output.Data();
        int n = x.Length, i = 0, width = Lanes.Count;
        for (; i + width <= n; i += width)
            Compute(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)i)).StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)i);
        if (i == n) return;
        // The tail goes through the same vector formula so a value's result never depends on its position.
        Span<double> tail = stackalloc double[width];
        tail.Clear();
        x[i..].CopyTo(tail);
        Compute(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(tail))).StoreUnsafe(ref MemoryMarshal.GetReference(tail));
        tail[..(n - i)].CopyTo(y[i..]);
    }

    // tanh x = 1 − 2 / (e^{2x} + 1): saturates to ±1 without overflow, and its absolute error near 0 is one ulp of 1.
    private static Lanes Compute(Lanes x) =>
        Lanes.One - new Lanes(2.0) / (Vector.Exp(x + x) + Lanes.One);

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        ReadOnlySpan<double> y = output.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vy = MemoryMarshal.Cast<double, Lanes>(y);
            var vdy = MemoryMarshal.Cast<double, Lanes>(dy);
            var vdx = MemoryMarshal.Cast<double, Lanes>(dx);
            for (int k = 0; k < vy.Length; k++) vdx[k] = vdy[k] * (Lanes.One - vy[k] * vy[k]);
            i = vy.Length * Lanes.Count;
        }
        for (; i < y.Length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
    }

    /// <inheritdoc/>
    public ILayer Clone() => new Tanh();

    /// <inheritdoc/>
    public override string ToString() => "Tanh";
}
