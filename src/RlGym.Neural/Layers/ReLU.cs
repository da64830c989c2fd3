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
        for (int i = 0; i < x.Length; i++) y[i] = x[i] > 0 ? x[i] : 0;
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        ReadOnlySpan<double> x = input.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        for (int i = 0; i < x.Length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
    }

    /// <inheritdoc/>
    public ILayer Clone() => new ReLU();

    /// <inheritdoc/>
    public override string ToString() => "ReLU";
}
