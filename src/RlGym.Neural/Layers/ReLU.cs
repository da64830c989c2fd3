using System.Numerics;
using Lanes = System.Numerics.Vector<double>;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>Elementwise max(0, x); the derivative at 0 is taken as 0, as PyTorch does.</summary>
public sealed class ReLU : ILayer
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
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Branch-free: the signs of pre-activations are random, so a branch would mispredict half the time.
            var vx = MemoryMarshal.Cast<double, Lanes>(x);
            var vy = MemoryMarshal.Cast<double, Lanes>(y);
            for (int k = 0; k < vx.Length; k++) vy[k] = Vector.ConditionalSelect(Vector.GreaterThan(vx[k], Lanes.Zero), vx[k], Lanes.Zero);
            i = vx.Length * Lanes.Count;
        }
        for (; i < x.Length; i++) y[i] = x[i] > 0 ? x[i] : 0;
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        ReadOnlySpan<double> x = input.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vx = MemoryMarshal.Cast<double, Lanes>(x);
            var vdy = MemoryMarshal.Cast<double, Lanes>(dy);
            var vdx = MemoryMarshal.Cast<double, Lanes>(dx);
            for (int k = 0; k < vx.Length; k++) vdx[k] = Vector.ConditionalSelect(Vector.GreaterThan(vx[k], Lanes.Zero), vdy[k], Lanes.Zero);
            i = vx.Length * Lanes.Count;
        }
        for (; i < x.Length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
    }

    /// <inheritdoc/>
    public ILayer Clone() => new ReLU();

    /// <inheritdoc/>
    public override string ToString() => "ReLU";
}
