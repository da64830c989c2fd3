using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>Elementwise hyperbolic tangent; its derivative is taken from the output, 1 − y².</summary>
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
        for (int i = 0; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        ReadOnlySpan<double> y = output.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        for (int i = 0; i < y.Length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
    }

    /// <inheritdoc/>
    public ILayer Clone() => new Tanh();

    /// <inheritdoc/>
    public override string ToString() => "Tanh";
}
