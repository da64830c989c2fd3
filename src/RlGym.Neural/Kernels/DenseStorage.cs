using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Neural.Kernels;

internal static class DenseStorage
{
    /// <summary>The matrix's column-major storage, shared (not copied).</summary>
    public static double[] Data(this Matrix<double> m) =>
        m.AsColumnMajorArray() ?? throw new ArgumentException(
            "RlGym.Neural works on dense matrices; create them with Matrix<double>.Build.Dense(rows, columns).");
}
