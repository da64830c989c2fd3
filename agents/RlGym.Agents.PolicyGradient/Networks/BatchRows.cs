using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Writes observations into the rows of a batch × features matrix. RlGym.Neural's matrices are column-major, so
/// element (i, j) of a batch of B rows lives at index j·B + i of the storage.
/// </summary>
public static class BatchRows
{
    /// <summary>Row <paramref name="row"/> of <paramref name="batch"/> ← <paramref name="observation"/>.</summary>
    public static void Write(Matrix<double> batch, int row, ReadOnlySpan<float> observation)
    {
        var x = batch.AsColumnMajorArray();
        int rows = batch.RowCount;
        for (int j = 0; j < observation.Length; j++) x[j * rows + row] = observation[j];
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="batch"/> ← 0.</summary>
    public static void Clear(Matrix<double> batch, int row)
    {
        var x = batch.AsColumnMajorArray();
        int rows = batch.RowCount;
        for (int j = 0; j < batch.ColumnCount; j++) x[j * rows + row] = 0;
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="batch"/> as a strided read: element j.</summary>
    public static double At(Matrix<double> batch, int row, int column) => batch.AsColumnMajorArray()[column * batch.RowCount + row];
}
