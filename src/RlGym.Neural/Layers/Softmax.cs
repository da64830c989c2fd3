using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>
/// Softmax along each row (the action dimension): y_j = exp(x_j − m) / Σ_k exp(x_k − m) with m = max_k x_k,
/// so logits of any size give finite probabilities. Prefer <see cref="Distributions.Categorical"/> or
/// <see cref="Losses.PolicyGradientLoss"/> on raw logits when you need log-probabilities.
/// </summary>
public sealed class Softmax : ILayer
{
    /// <inheritdoc/>
    public int OutputSize(int inputSize) => inputSize;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public void Forward(Matrix<double> input, Matrix<double> output)
    {
        int batch = input.RowCount, width = input.ColumnCount;
        ReadOnlySpan<double> x = input.Data();
        Span<double> y = output.Data();
        for (int i = 0; i < batch; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < width; j++) max = Math.Max(max, x[j * batch + i]);
            double sum = 0;
            for (int j = 0; j < width; j++) sum += y[j * batch + i] = Math.Exp(x[j * batch + i] - max);
            double inv = 1 / sum;
            for (int j = 0; j < width; j++) y[j * batch + i] *= inv;
        }
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        int batch = output.RowCount, width = output.ColumnCount;
        ReadOnlySpan<double> y = output.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        // ∂L/∂x_j = y_j (∂L/∂y_j − Σ_k ∂L/∂y_k y_k)
        for (int i = 0; i < batch; i++)
        {
            double dot = 0;
            for (int j = 0; j < width; j++) dot += dy[j * batch + i] * y[j * batch + i];
            for (int j = 0; j < width; j++) dx[j * batch + i] = y[j * batch + i] * (dy[j * batch + i] - dot);
        }
    }

    /// <inheritdoc/>
    public ILayer Clone() => new Softmax();

    /// <inheritdoc/>
    public override string ToString() => "Softmax";
}
