using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Forward-mode differentiation of a network's outputs along a direction in parameter space: J v with
/// J = ∂f(X;θ)/∂θ, without forming J. Layer by layer, with a the activations and ȧ their directional derivatives:
/// <code>
/// Dense:  a′ = a W + b        ȧ′ = ȧ W + a Ẇ + ḃ
/// tanh:   a′ = tanh a         ȧ′ = (1 − a′²) ⊙ ȧ
/// ReLU:   a′ = max(a, 0)      ȧ′ = [a &gt; 0] ⊙ ȧ
/// </code>
/// With Backward's Jᵀ u this gives TRPO's Fisher-vector product Jᵀ M J v.
/// </summary>
public static class JacobianVectorProduct
{
    /// <summary>J v for the batch <paramref name="input"/>; <paramref name="direction"/> is flattened in the order of <see cref="Sequential.Parameters"/>, each column-major.</summary>
    public static Matrix<double> Compute(Sequential network, Matrix<double> input, ReadOnlySpan<double> direction)
    {
        var a = input.Clone();
        var da = Matrix<double>.Build.Dense(input.RowCount, input.ColumnCount);
        int offset = 0;
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case Dense dense:
                {
                    int inputs = dense.Inputs, outputs = dense.Outputs;
                    var dw = Matrix<double>.Build.Dense(inputs, outputs, direction.Slice(offset, inputs * outputs).ToArray());
                    offset += inputs * outputs;
                    var db = direction.Slice(offset, outputs).ToArray();
                    offset += outputs;
                    var next = a * dense.Weights.Value;
                    var dnext = da * dense.Weights.Value + a * dw;
                    var bias = dense.Bias.Values;
                    for (int j = 0; j < outputs; j++)
                        for (int i = 0; i < next.RowCount; i++)
                        {
                            next[i, j] += bias[j];
                            dnext[i, j] += db[j];
                        }
                    (a, da) = (next, dnext);
                    break;
                }
                case Tanh:
                    a = a.Map(Math.Tanh);
                    da = da.PointwiseMultiply(a.Map(y => 1 - y * y));
                    break;
                case ReLU:
                    da = da.PointwiseMultiply(a.Map(x => x > 0 ? 1.0 : 0.0));
                    a = a.Map(x => Math.Max(x, 0));
                    break;
                default:
                    throw new NotSupportedException($"Forward-mode products are written for Dense, Tanh and ReLU layers, not {layer}.");
            }
        }
        if (offset != direction.Length)
            throw new ArgumentException($"The direction has {direction.Length} entries; the network has {offset} parameters.", nameof(direction));
        return da;
    }
}
