using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Neural.Layers;

/// <summary>
/// A differentiable step of a network. Layers hold parameters but no activations: the caller owns the
/// input, output and gradient buffers, shaped batch × features (one row per sample), so one layer serves
/// any batch size without allocating.
/// </summary>
public interface ILayer
{
    /// <summary>The width this layer produces from an input of width <paramref name="inputSize"/>; throws when the layer cannot take that width.</summary>
    int OutputSize(int inputSize);

    /// <summary>The layer's trainable parameters (empty for activations).</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Writes the layer's output for <paramref name="input"/> into <paramref name="output"/>.</summary>
    void Forward(Matrix<double> input, Matrix<double> output);

    /// <summary>
    /// Given ∂loss/∂output, adds ∂loss/∂parameters into the parameters' gradients and, when
    /// <paramref name="inputGradient"/> is not null, overwrites it with ∂loss/∂input.
    /// <paramref name="input"/> and <paramref name="output"/> are those of the matching <see cref="Forward"/>.
    /// </summary>
    void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient);

    /// <summary>A new layer with the same configuration and a copy of the parameters' values (gradients zero).</summary>
    ILayer Clone();
}
