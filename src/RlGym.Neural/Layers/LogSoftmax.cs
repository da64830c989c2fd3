using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>
/// Log-softmax along each row (the action dimension): y_j = x_j − m − ln Σ_k exp(x_k − m) with m = max_k x_k,
/// exact for logits of any magnitude (no log of an underflowed probability).
/// </summary>
public sealed class LogSoftmax : ILayer
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
            for (int j = 0; j < width; j++) sum += Math.Exp(x[j * batch + i] - max);
            double logZ = max + Math.Log(sum);
            for (int j = 0; j < width; j++) y[j * batch + i] = x[j * batch + i] - logZ;
        }
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        int batch = output.RowCount, width = output.ColumnCount;
        ReadOnlySpan<double> y = output.Data(), dy = outputGradient.Data();
        Span<double> dx = inputGradient.Data();
        // ∂L/∂x_j = ∂L/∂y_j − softmax_j Σ_k ∂L/∂y_k, with softmax_j = exp(y_j)
        for (int i = 0; i < batch; i++)
        {
            double sum = 0;
            for (int j = 0; j < width; j++) sum += dy[j * batch + i];
            for (int j = 0; j < width; j++) dx[j * batch + i] = dy[j * batch + i] - Math.Exp(y[j * batch + i]) * sum;
        }
    }

    /// <inheritdoc/>
    public ILayer Clone() => new LogSoftmax();

    /// <inheritdoc/>
    public override string ToString() => "LogSoftmax";
}
