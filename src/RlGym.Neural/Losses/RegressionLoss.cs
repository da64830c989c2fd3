using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Losses;

/// <summary>
/// A loss ℓ(q − y) summed or averaged over a batch, with y held constant (no gradient flows into targets).
/// Three shapes of use:
/// <list type="bullet">
/// <item>whole outputs: prediction and target matrices of the same shape (<see cref="Reduction.Mean"/> divides by their element count);</item>
/// <item>a value network: a batch × 1 prediction and a span of targets;</item>
/// <item>a Q-network: batch × actions Q-values, the action taken in each row and its TD target y_i; only Q(s_i, a_i)
/// receives gradient, optionally scaled by importance weights (prioritized replay). Mean divides by the batch size.</item>
/// </list>
/// Gradient methods return a matrix owned by the loss, reused while the shape stays the same.
/// </summary>
public abstract class RegressionLoss
{
    private Matrix<double>? _gradient;

    /// <summary>Creates the loss with the given batch reduction.</summary>
    protected RegressionLoss(Reduction reduction) => Reduction = reduction;

    /// <summary>How per-sample terms are combined.</summary>
    public Reduction Reduction { get; }

    /// <summary>ℓ(e) for an error e = prediction − target.</summary>
    public abstract double Pointwise(double error);

    /// <summary>ℓ′(e).</summary>
    public abstract double Derivative(double error);

    /// <summary>The loss over two matrices of the same shape.</summary>
    public double Value(Matrix<double> prediction, Matrix<double> target)
    {
        CheckSameShape(prediction, target);
        ReadOnlySpan<double> q = prediction.Data(), y = target.Data();
        double sum = 0;
        for (int i = 0; i < q.Length; i++) sum += Pointwise(q[i] - y[i]);
        return sum * Scale(q.Length);
    }

    /// <summary>∂loss/∂prediction over two matrices of the same shape.</summary>
    public Matrix<double> Gradient(Matrix<double> prediction, Matrix<double> target)
    {
        CheckSameShape(prediction, target);
        var gradient = Buffer(prediction.RowCount, prediction.ColumnCount);
        ReadOnlySpan<double> q = prediction.Data(), y = target.Data();
        Span<double> g = gradient.Data();
        double scale = Scale(q.Length);
        for (int i = 0; i < q.Length; i++) g[i] = scale * Derivative(q[i] - y[i]);
        return gradient;
    }

    /// <summary>The loss of a batch × 1 prediction (e.g. v(s; w)) against one target per row.</summary>
    public double Value(Matrix<double> prediction, ReadOnlySpan<double> targets)
    {
        CheckSingleColumn(prediction);
        return Value(prediction, default, targets, default);
    }

    /// <summary>∂loss/∂prediction for a batch × 1 prediction against one target per row.</summary>
    public Matrix<double> Gradient(Matrix<double> prediction, ReadOnlySpan<double> targets)
    {
        CheckSingleColumn(prediction);
        return Gradient(prediction, default, targets, default);
    }

    /// <summary>
    /// The loss of Q(s_i, a_i) against y_i, taking the predicted value of <paramref name="actions"/>[i] in row i
    /// (column 0 when <paramref name="actions"/> is empty), each term multiplied by <paramref name="weights"/>[i] when given.
    /// </summary>
    public double Value(Matrix<double> prediction, ReadOnlySpan<int> actions, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default)
    {
        int batch = CheckSelection(prediction, actions, targets, weights);
        ReadOnlySpan<double> q = prediction.Data();
        double sum = 0;
        for (int i = 0; i < batch; i++)
        {
            int a = actions.IsEmpty ? 0 : actions[i];
            double term = Pointwise(q[a * batch + i] - targets[i]);
            sum += weights.IsEmpty ? term : weights[i] * term;
        }
        return sum * Scale(batch);
    }

    /// <summary>∂loss/∂prediction for <see cref="Value(Matrix{double}, ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>: zero except at (i, a_i).</summary>
    public Matrix<double> Gradient(Matrix<double> prediction, ReadOnlySpan<int> actions, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default)
    {
        int batch = CheckSelection(prediction, actions, targets, weights);
        var gradient = Buffer(batch, prediction.ColumnCount);
        ReadOnlySpan<double> q = prediction.Data();
        Span<double> g = gradient.Data();
        g.Clear();
        double scale = Scale(batch);
        for (int i = 0; i < batch; i++)
        {
            int k = (actions.IsEmpty ? 0 : actions[i]) * batch + i;
            double d = scale * Derivative(q[k] - targets[i]);
            g[k] = weights.IsEmpty ? d : weights[i] * d;
        }
        return gradient;
    }

    private double Scale(int count) => Reduction == Reduction.Mean ? 1.0 / count : 1.0;

    private Matrix<double> Buffer(int rows, int columns)
    {
        if (_gradient is null || _gradient.RowCount != rows || _gradient.ColumnCount != columns)
            _gradient = Matrix<double>.Build.Dense(rows, columns);
        return _gradient;
    }

    private static void CheckSameShape(Matrix<double> prediction, Matrix<double> target)
    {
        if (prediction.RowCount != target.RowCount || prediction.ColumnCount != target.ColumnCount)
            throw new ArgumentException($"Prediction is {prediction.RowCount}×{prediction.ColumnCount} but target is {target.RowCount}×{target.ColumnCount}.");
    }

    private static void CheckSingleColumn(Matrix<double> prediction)
    {
        if (prediction.ColumnCount != 1)
            throw new ArgumentException($"One target per row needs a batch × 1 prediction, got {prediction.RowCount}×{prediction.ColumnCount}; pass the actions for Q-values.");
    }

    private static int CheckSelection(Matrix<double> prediction, ReadOnlySpan<int> actions, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights)
    {
        int batch = prediction.RowCount;
        if (targets.Length != batch)
            throw new ArgumentException($"Expected {batch} targets (one per row), got {targets.Length}.");
        if (!actions.IsEmpty && actions.Length != batch)
            throw new ArgumentException($"Expected {batch} actions (one per row), got {actions.Length}.");
        if (!weights.IsEmpty && weights.Length != batch)
            throw new ArgumentException($"Expected {batch} weights (one per row), got {weights.Length}.");
        for (int i = 0; i < actions.Length; i++)
            if ((uint)actions[i] >= (uint)prediction.ColumnCount)
                throw new ArgumentOutOfRangeException(nameof(actions), actions[i], $"Action of row {i} must lie in [0, {prediction.ColumnCount}).");
        return batch;
    }
}
