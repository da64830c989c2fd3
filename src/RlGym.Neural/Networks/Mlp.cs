using RlGym.Core.Random;
using RlGym.Neural.Layers;

namespace RlGym.Neural.Networks;

/// <summary>Builds multilayer perceptrons: Dense layers with an activation between them and a linear output.</summary>
public static class Mlp
{
    /// <summary>
    /// A network for layer widths <paramref name="sizes"/>, e.g. [4, 64, 64, 2] for CartPole: input 4, two hidden
    /// layers of 64 followed by <paramref name="activation"/>, output 2 without activation (Q-values, logits or a value).
    /// Hidden layers are initialised with <paramref name="hiddenGain"/>, the output layer with <paramref name="outputGain"/>
    /// (CleanRL's orthogonal recipe: hidden √2, policy head 0.01, value head 1).
    /// </summary>
    public static Sequential Create(int[] sizes, Activation activation, Rng rng,
        WeightInit init = WeightInit.XavierUniform, double hiddenGain = 1.0, double outputGain = 1.0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length < 2) throw new ArgumentException("An MLP needs at least an input and an output size.", nameof(sizes));
        var layers = new List<ILayer>();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            bool last = i + 2 == sizes.Length;
            layers.Add(new Dense(sizes[i], sizes[i + 1], rng, init, last ? outputGain : hiddenGain));
            if (!last) layers.Add(activation == Activation.Tanh ? new Tanh() : new ReLU());
        }
        return new Sequential(sizes[0], layers);
    }
}
