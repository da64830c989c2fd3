using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Hyperparameters of <see cref="Td3Agent"/>. The defaults are Stable-Baselines3 zoo's Pendulum-v1 TD3 (γ 0.98,
/// learning rate 1e-3, buffer 200k, 10k steps of uniform random actions, exploration noise 0.1 of the half-width, batch
/// 256, τ 0.005) with the TD3 paper's policy delay 2, target noise 0.2 and noise clip 0.5, and hidden layers of 64 and
/// 64 instead of the zoo's 400 and 300 (see <see cref="DdpgOptions"/> for the cost).
/// </summary>
public sealed record Td3Options
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in y = r + γ min_j q_j(s′, ã′; w_j⁻)")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.98;

    /// <summary>Actor step size β.</summary>
    [Description("actor step size β (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double ActorLearningRate { get; init; } = 1e-3;

    /// <summary>Critic step size α.</summary>
    [Description("critics' step size α (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double CriticLearningRate { get; init; } = 1e-3;

    /// <summary>Hidden widths of the actor and of each critic.</summary>
    [Description("hidden layer widths of the actor and the critics (ReLU between them), comma-separated")]
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
    public int LearningStarts { get; init; } = 10_000;

    /// <summary>Soft target rate τ.</summary>
    [Description("targets follow by θ⁻ ← τ θ + (1 − τ) θ⁻ at every actor update")]
    [Range(0.0, 1.0)]
    public double Tau { get; init; } = 0.005;

    /// <summary>Exploration noise σ, as a fraction of the action's half-width.</summary>
    [Description("scale σ of the exploration noise (the Gaussian's standard deviation), as a fraction of the action's half-width")]
    [Range(0.0, 10.0)]
    public double ExplorationNoise { get; init; } = 0.1;

    /// <summary>The kind of exploration noise; <see cref="ExplorationNoise"/> is its σ.</summary>
    [Description("exploration noise: gaussian (independent each step) or ornstein-uhlenbeck (correlated, reset each episode)")]
    public ExplorationNoiseKind Noise { get; init; } = ExplorationNoiseKind.Gaussian;

    /// <summary>Critic updates per actor and target update.</summary>
    [Description("critic updates per actor update (delayed policy updates); targets follow at actor updates")]
    [Range(1, 1_000)]
    public int PolicyDelay { get; init; } = 2;

    /// <summary>Target policy smoothing noise σ̃, as a fraction of the half-width.</summary>
    [Description("standard deviation of the target policy smoothing noise ε, as a fraction of the half-width")]
    [Range(0.0, 10.0)]
    public double TargetPolicyNoise { get; init; } = 0.2;

    /// <summary>Clip c of the smoothing noise, as a fraction of the half-width.</summary>
    [Description("the smoothing noise is clipped to [−c, c], c as a fraction of the half-width")]
    [Range(0.0, 10.0)]
    public double TargetNoiseClip { get; init; } = 0.5;
}
