using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;

namespace RlGym.Neural;

/// <summary>
/// Row access for batch matrices (one sample per row) without allocating: filling a batch from float
/// observations, reading a row of logits or Q-values, and the max and arg max that TD targets need.
/// MathNet's own <c>Row(i)</c> and <c>SetRow</c> allocate vectors; these do not.
/// </summary>
public static class MatrixRows
{
    /// <summary>Writes <paramref name="values"/> (e.g. an observation) into row <paramref name="row"/>.</summary>
    public static void CopyRowFrom(this Matrix<double> matrix, int row, ReadOnlySpan<float> values)
    {
        Check(matrix, row, values.Length);
        var data = matrix.Data();
        int rows = matrix.RowCount;
        for (int j = 0; j < values.Length; j++) data[j * rows + row] = values[j];
    }

    /// <inheritdoc cref="CopyRowFrom(Matrix{double}, int, ReadOnlySpan{float})"/>
    public static void CopyRowFrom(this Matrix<double> matrix, int row, ReadOnlySpan<double> values)
    {
        Check(matrix, row, values.Length);
        var data = matrix.Data();
        int rows = matrix.RowCount;
        for (int j = 0; j < values.Length; j++) data[j * rows + row] = values[j];
    }

    /// <summary>Copies row <paramref name="row"/> into <paramref name="destination"/> (e.g. one sample's logits for <see cref="Distributions.Categorical"/>).</summary>
    public static void CopyRowTo(this Matrix<double> matrix, int row, Span<double> destination)
    {
        Check(matrix, row, destination.Length);
        var data = matrix.Data();
        int rows = matrix.RowCount;
        for (int j = 0; j < destination.Length; j++) destination[j] = data[j * rows + row];
    }

    /// <summary>max_j M[row, j], e.g. max_a Q(s′, a; w⁻).</summary>
    public static double RowMax(this Matrix<double> matrix, int row) => matrix[row, matrix.RowArgMax(row)];

    /// <summary>argmax_j M[row, j] (first on ties), e.g. the online network's choice a* in double DQN.</summary>
    public static int RowArgMax(this Matrix<double> matrix, int row)
    {
        Check(matrix, row, matrix.ColumnCount);
        var data = matrix.Data();
        int rows = matrix.RowCount, best = 0;
        for (int j = 1; j < matrix.ColumnCount; j++)
            if (data[j * rows + row] > data[best * rows + row]) best = j;
        return best;
    }

    private static void Check(Matrix<double> matrix, int row, int length)
    {
        if ((uint)row >= (uint)matrix.RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must lie in [0, {matrix.RowCount}).");
        if (length != matrix.ColumnCount)
            throw new ArgumentException($"A row of this matrix has {matrix.ColumnCount} entries, got {length}.");
    }
}
