using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;

namespace RlGym.Neural.Tests;

internal static class Random
{
    public static Matrix<double> Matrix(Rng rng, int rows, int columns, double scale = 1.0) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * rng.NextGaussian());
}
