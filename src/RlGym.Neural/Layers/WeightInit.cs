namespace RlGym.Neural.Layers;

/// <summary>How <see cref="Dense"/> draws its initial weights. Biases start at zero except for <see cref="PyTorchDefault"/>.</summary>
public enum WeightInit
{
    /// <summary>Xavier/Glorot uniform: U(−b, b) with b = gain·√(6 / (fan_in + fan_out)).</summary>
    XavierUniform,

    /// <summary>A random (semi-)orthogonal matrix times gain, as CleanRL's <c>layer_init</c> uses (gain √2 hidden, 0.01 policy head, 1 value head).</summary>
    Orthogonal,

    /// <summary>PyTorch's <c>nn.Linear</c> default: weights and bias U(−1/√fan_in, 1/√fan_in), scaled by gain.</summary>
    PyTorchDefault,
}

/// <summary>Recommended gains, as PyTorch's <c>calculate_gain</c> gives them.</summary>
public static class Gains
{
    /// <summary>1: linear output layers.</summary>
    public const double Linear = 1.0;

    /// <summary>5/3 for tanh.</summary>
    public const double Tanh = 5.0 / 3.0;

    /// <summary>√2 for ReLU.</summary>
    public static readonly double ReLU = Math.Sqrt(2.0);
}
