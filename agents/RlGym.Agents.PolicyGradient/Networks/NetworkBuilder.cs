using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>Builds the agents' networks and optimizers the same way for every agent.</summary>
public static class NetworkBuilder
{
    /// <summary>
    /// An MLP from <paramref name="inputs"/> through <paramref name="hidden"/> to <paramref name="outputs"/>, with
    /// CleanRL's orthogonal initialisation (hidden gain √2, output gain <paramref name="outputGain"/>: 0.01 for a
    /// policy head so π starts near uniform, 1 for a value head). No hidden layers gives a linear function.
    /// </summary>
    public static Sequential Create(int inputs, int[] hidden, int outputs, Activation activation, double outputGain, Rng rng)
    {
        int[] sizes = [inputs, .. hidden, outputs];
        return Mlp.Create(sizes, activation, rng, WeightInit.Orthogonal, hiddenGain: Math.Sqrt(2), outputGain: outputGain);
    }

    /// <summary>An optimizer over <paramref name="net"/>'s parameters, clipping by global norm when <paramref name="maxGradNorm"/> &gt; 0.</summary>
    public static Optimizer Optimizer(OptimizerKind kind, Sequential net, double learningRate, double maxGradNorm) =>
        Optimizer(kind, net.Parameters, learningRate, maxGradNorm);

    /// <summary>An optimizer over <paramref name="p"/> (a policy's network and its head's ln σ), clipping by global norm when <paramref name="maxGradNorm"/> &gt; 0.</summary>
    public static Optimizer Optimizer(OptimizerKind kind, IReadOnlyList<Parameter> p, double learningRate, double maxGradNorm)
    {
        Optimizer optimizer = kind switch
        {
            OptimizerKind.Adam => new Adam(p, learningRate, epsilon: Adam.CleanRlEpsilon),
            OptimizerKind.Sgd => new Sgd(p, learningRate),
            OptimizerKind.RmsProp => new RmsProp(p, learningRate, epsilon: 1e-5),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (maxGradNorm > 0) optimizer.MaxGradNorm = maxGradNorm;
        return optimizer;
    }
}
