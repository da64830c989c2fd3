using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.Search.AlphaZero;

/// <summary>
/// The policy network π(a|s;θ) (logits; softmax over the legal moves) and the value network v(s;w) (tanh output,
/// the expected result in [−1, 1] for the player to move), each with its own Adam optimizer, and their losses:
/// <code>
/// policy:  L(θ) = −(1/B) Σ_i Σ_a π_i(a) ln softmax(f(s_i;θ))_a        ∂L/∂f = (softmax(f) − π_i) / B
/// value:   L(w) = (1/B) Σ_i (v(s_i;w) − z_i)²                          ∂L/∂v = 2 (v − z_i) / B
/// </code>
/// π_i is the search's normalised visit counts (AlphaGo Zero) or a demonstrator's move, one-hot (behaviour cloning).
/// </summary>
public sealed class PolicyValueNetworks
{
    private readonly Adam? _policyOptimizer;
    private readonly Adam? _valueOptimizer;
    private Matrix<double>? _x;
    private Matrix<double>? _policyGradient;
    private Matrix<double>? _valueGradient;

    /// <summary>Creates both networks for <paramref name="featureCount"/> inputs and <paramref name="actionCount"/> moves.</summary>
    public PolicyValueNetworks(int featureCount, int actionCount, int[] hidden, double learningRate, Rng rng)
    {
        int[] policySizes = [featureCount, .. hidden, actionCount];
        int[] valueSizes = [featureCount, .. hidden, 1];
        Policy = Mlp.Create(policySizes, Activation.ReLU, rng, WeightInit.PyTorchDefault);
        var value = Mlp.Create(valueSizes, Activation.ReLU, rng, WeightInit.PyTorchDefault);
        Value = new Sequential(featureCount, [.. value.Layers, new Tanh()]);
        _policyOptimizer = new Adam(Policy.Parameters, learningRate);
        _valueOptimizer = new Adam(Value.Parameters, learningRate);
        FeatureCount = featureCount;
        ActionCount = actionCount;
    }

    private PolicyValueNetworks(PolicyValueNetworks source)
    {
        Policy = source.Policy.Clone();
        Value = source.Value.Clone();
        FeatureCount = source.FeatureCount;
        ActionCount = source.ActionCount;
    }

    /// <summary>
    /// A copy of both networks for evaluating positions on another thread (a network is not thread-safe); it has no
    /// optimizers and cannot be trained. <see cref="CopyWeightsFrom"/> brings it up to date.
    /// </summary>
    public PolicyValueNetworks InferenceCopy() => new(this);

    /// <summary>Sets both networks' weights to <paramref name="source"/>'s.</summary>
    public void CopyWeightsFrom(PolicyValueNetworks source)
    {
        Policy.CopyFrom(source.Policy);
        Value.CopyFrom(source.Value);
    }

    /// <summary>π(·|s;θ) as logits.</summary>
    public Sequential Policy { get; }

    /// <summary>v(s;w).</summary>
    public Sequential Value { get; }

    /// <summary>Input width.</summary>
    public int FeatureCount { get; }

    /// <summary>Moves.</summary>
    public int ActionCount { get; }

    /// <summary>
    /// Evaluates a position: writes π(a|s) renormalised over the legal moves (bits of <paramref name="legal"/>) into
    /// <paramref name="priors"/> and returns v(s) for the player to move.
    /// </summary>
    public double Evaluate(ReadOnlySpan<float> features, ulong legal, Span<double> priors)
    {
        var logits = Policy.Predict(features);
        double max = double.NegativeInfinity;
        for (int a = 0; a < ActionCount; a++)
            if ((legal >> a & 1) != 0 && logits[a] > max) max = logits[a];
        double sum = 0;
        for (int a = 0; a < ActionCount; a++)
            sum += priors[a] = (legal >> a & 1) != 0 ? Math.Exp(logits[a] - max) : 0;
        for (int a = 0; a < ActionCount; a++) priors[a] /= sum;
        return Value.Predict(features)[0];
    }

    /// <summary>One gradient step of both networks on the positions <paramref name="indices"/> of <paramref name="buffer"/>; returns both losses.</summary>
    public (double PolicyLoss, double ValueLoss) Train(PositionBuffer buffer, ReadOnlySpan<int> indices, bool trainValue = true)
    {
        if (_policyOptimizer is null || _valueOptimizer is null) throw new InvalidOperationException("An inference copy of the networks cannot be trained.");
        int b = indices.Length;
        if (_x is null || _x.RowCount != b)
        {
            _x = Matrix<double>.Build.Dense(b, FeatureCount);
            _policyGradient = Matrix<double>.Build.Dense(b, ActionCount);
            _valueGradient = Matrix<double>.Build.Dense(b, 1);
        }
        for (int i = 0; i < b; i++) _x.CopyRowFrom(i, buffer.Features(indices[i]));

        Policy.ZeroGrad();
        var logits = Policy.Forward(_x);
        double policyLoss = 0;
        var g = _policyGradient!;
        Span<double> row = stackalloc double[ActionCount];
        for (int i = 0; i < b; i++)
        {
            var target = buffer.Policy(indices[i]);
            double max = double.NegativeInfinity;
            for (int a = 0; a < ActionCount; a++) max = Math.Max(max, logits[i, a]);
            double sum = 0;
            for (int a = 0; a < ActionCount; a++) sum += row[a] = Math.Exp(logits[i, a] - max);
            double logSum = Math.Log(sum);
            for (int a = 0; a < ActionCount; a++)
            {
                if (target[a] > 0) policyLoss -= target[a] * (logits[i, a] - max - logSum);
                g[i, a] = (row[a] / sum - target[a]) / b;
            }
        }
        Policy.Backward(g);
        _policyOptimizer.Step();

        double valueLoss = 0;
        if (trainValue)
        {
            Value.ZeroGrad();
            var v = Value.Forward(_x);
            var gv = _valueGradient!;
            for (int i = 0; i < b; i++)
            {
                double d = v[i, 0] - buffer.Value(indices[i]);
                valueLoss += d * d;
                gv[i, 0] = 2 * d / b;
            }
            Value.Backward(gv);
            _valueOptimizer.Step();
        }
        return (policyLoss / b, valueLoss / b);
    }

    /// <summary>Writes both networks and both optimizers.</summary>
    public void Save(Stream stream)
    {
        if (_policyOptimizer is null || _valueOptimizer is null) throw new InvalidOperationException("An inference copy of the networks is not saved.");
        Policy.Save(stream);
        Value.Save(stream);
        _policyOptimizer.Save(stream);
        _valueOptimizer.Save(stream);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public void Load(Stream stream)
    {
        if (_policyOptimizer is null || _valueOptimizer is null) throw new InvalidOperationException("An inference copy of the networks is not loaded; copy its weights.");
        Policy.Load(stream);
        Value.Load(stream);
        _policyOptimizer.Load(stream);
        _valueOptimizer.Load(stream);
    }
}
