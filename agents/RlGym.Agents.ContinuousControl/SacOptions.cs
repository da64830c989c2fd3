using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Hyperparameters of <see cref="SacAgent"/>. The defaults are CleanRL's sac_continuous_action.py (γ 0.99, τ 0.005,
/// batch 256, 5 000 random steps, log σ squashed into [−5, 2], α tuned towards the target entropy −|A| with the critics'
/// learning rate) with Stable-Baselines3 zoo's Pendulum-v1 learning rate 1e-3 for the policy too, a 200k buffer, and
/// hidden layers of 64 and 64 instead of 256 and 256 (see <see cref="DdpgOptions"/> for the cost).
/// </summary>
public sealed record SacOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in y = r + γ (min_j q_j(s′,a′;w_j⁻) − α ln π(a′|s′))")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Policy step size.</summary>
    [Description("policy step size (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double PolicyLearningRate { get; init; } = 1e-3;

    /// <summary>Critics' and temperature's step size.</summary>
    [Description("critics' and temperature's step size (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double QLearningRate { get; init; } = 1e-3;

    /// <summary>Hidden widths of the policy and of each critic.</summary>
    [Description("hidden layer widths of the policy and the critics (ReLU between them), comma-separated")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Replay capacity.</summary>
    [Description("replay buffer capacity: the last n transitions are kept")]
    [Range(1, 100_000_000)]
    public int BufferSize { get; init; } = 200_000;

    /// <summary>Minibatch size.</summary>
    [Description("transitions per gradient step")]
    [Range(1, 65_536)]
    public int BatchSize { get; init; } = 256;

    /// <summary>Steps of uniform random actions before learning.</summary>
    [Description("environment steps with uniform random actions before the first gradient step")]
    [Range(0, int.MaxValue)]
    public int LearningStarts { get; init; } = 5_000;

    /// <summary>Soft target rate τ.</summary>
    [Description("target critics follow by w⁻ ← τ w + (1 − τ) w⁻ after every gradient step")]
    [Range(0.0, 1.0)]
    public double Tau { get; init; } = 0.005;

    /// <summary>Whether α is tuned; otherwise it stays at <see cref="Alpha"/>.</summary>
    [Description("tune the temperature α towards the target entropy −|A| (false: α stays fixed)")]
    public bool Autotune { get; init; } = true;

    /// <summary>The temperature α (its starting value when tuned).</summary>
    [Description("entropy temperature α (the starting value when autotune)")]
    [Range(0.0, 100.0)]
    public double Alpha { get; init; } = 1.0;
}
