using System.Numerics;
using System.Runtime.InteropServices;

namespace RlGym.Neural.Optimizers;

/// <summary>
/// Adam with bias correction, as PyTorch computes it:
/// <code>
/// m ← β₁ m + (1 − β₁) g      v ← β₂ v + (1 − β₂) g²
/// m̂ = m / (1 − β₁ᵗ)          v̂ = v / (1 − β₂ᵗ)
/// w ← w − α m̂ / (√v̂ + ε)
/// </code>
/// ε defaults to PyTorch's 10⁻⁸; CleanRL's PPO and DQN pass 10⁻⁵ (<see cref="CleanRlEpsilon"/>).
/// </summary>
public sealed class Adam : Optimizer
{
    /// <summary>PyTorch's default ε.</summary>
    public const double PyTorchEpsilon = 1e-8;

    /// <summary>The ε CleanRL passes to Adam.</summary>
    public const double CleanRlEpsilon = 1e-5;

    /// <summary>Creates the optimizer.</summary>
    public Adam(IEnumerable<Parameter> parameters, LearningRateSchedule learningRate,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = PyTorchEpsilon)
        : base(parameters, learningRate, 2)
    {
        if (beta1 is < 0 or >= 1 || double.IsNaN(beta1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must lie in [0, 1).");
        if (beta2 is < 0 or >= 1 || double.IsNaN(beta2)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must lie in [0, 1).");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β₁, the decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂.</summary>
    public double Epsilon { get; }

    private protected override void Update(int index, Span<double> value, ReadOnlySpan<double> gradient, double learningRate, long step)
    {
        var m = State[0][index];
        var v = State[1][index];
        double correction1 = 1 - Math.Pow(Beta1, step);
        double correction2 = 1 - Math.Pow(Beta2, step);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vm = MemoryMarshal.Cast<double, Vector<double>>(m.AsSpan());
            var vv = MemoryMarshal.Cast<double, Vector<double>>(v.AsSpan());
            var vw = MemoryMarshal.Cast<double, Vector<double>>(value);
            var vg = MemoryMarshal.Cast<double, Vector<double>>(gradient);
            Vector<double> b1 = new(Beta1), c1 = new(1 - Beta1), b2 = new(Beta2), c2 = new(1 - Beta2);
            Vector<double> inv1 = new(1 / correction1), inv2 = new(1 / correction2), lr = new(learningRate), eps = new(Epsilon);
            for (int k = 0; k < vm.Length; k++)
            {
                var g = vg[k];
                vm[k] = b1 * vm[k] + c1 * g;
                vv[k] = b2 * vv[k] + c2 * g * g;
                vw[k] -= lr * (vm[k] * inv1) / (Vector.SquareRoot(vv[k] * inv2) + eps);
            }
            i = vm.Length * Vector<double>.Count;
        }
        for (; i < value.Length; i++)
        {
            double g = gradient[i];
            m[i] = Beta1 * m[i] + (1 - Beta1) * g;
            v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
            value[i] -= learningRate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon);
        }
    }
}
