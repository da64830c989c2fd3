using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural;
using RlGym.Neural.Layers;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// The dueling network's last step: from a row [V(s), A(s,1), …, A(s,|A|)] it forms
/// Q(s,a) = V(s) + A(s,a) − mean_a′ A(s,a′). Subtracting the mean makes V and A identifiable (the A-part of every
/// row averages to zero). Placed after a Dense(h → 1 + |A|) layer, whose first column is the value stream and the
/// rest the advantage stream, it turns any MLP into a dueling head that trains, copies and saves like a plain one.
/// </summary>
public sealed class DuelingAggregation : ILayer
{
    private static readonly Parameter[] None = [];

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => None;

    /// <inheritdoc/>
    public int OutputSize(int inputSize) => inputSize >= 2
        ? inputSize - 1
        : throw new ArgumentException($"A dueling aggregation needs V and at least one advantage, got width {inputSize}.", nameof(inputSize));

    /// <inheritdoc/>
    public void Forward(Matrix<double> input, Matrix<double> output)
    {
        int batch = input.RowCount, actions = input.ColumnCount - 1;
        ReadOnlySpan<double> x = input.AsColumnMajorArray();
        Span<double> q = output.AsColumnMajorArray();
        for (int i = 0; i < batch; i++)
        {
            double mean = 0;
            for (int a = 0; a < actions; a++) mean += x[(a + 1) * batch + i];
            mean /= actions;
            // Q(s,a) = V(s) + A(s,a) − mean_a′ A(s,a′)
            double v = x[i];
            for (int a = 0; a < actions; a++) q[a * batch + i] = v + x[(a + 1) * batch + i] - mean;
        }
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        if (inputGradient is null) return;
        int batch = input.RowCount, actions = input.ColumnCount - 1;
        ReadOnlySpan<double> g = outputGradient.AsColumnMajorArray();
        Span<double> dx = inputGradient.AsColumnMajorArray();
        for (int i = 0; i < batch; i++)
        {
            double sum = 0;
            for (int a = 0; a < actions; a++) sum += g[a * batch + i];
            // ∂L/∂V = Σ_a ∂L/∂Q_a;  ∂L/∂A_k = ∂L/∂Q_k − (1/|A|) Σ_a ∂L/∂Q_a
            dx[i] = sum;
            double share = sum / actions;
            for (int a = 0; a < actions; a++) dx[(a + 1) * batch + i] = g[a * batch + i] - share;
        }
    }

    /// <inheritdoc/>
    public ILayer Clone() => new DuelingAggregation();

    /// <inheritdoc/>
    public override string ToString() => "DuelingAggregation";
}
