using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Hyperparameters of <see cref="DdpgAgent"/>. The defaults are Stable-Baselines3 zoo's Pendulum-v1 DDPG (γ 0.98,
/// learning rate 1e-3 for both networks, buffer 200k, 10k steps of uniform random actions before learning, Gaussian
/// exploration noise of 0.1 of the half-width, τ 0.005, batch 256) with hidden layers of 64 and 64 instead of the
/// zoo's 400 and 300: on this project's double-precision network core a gradient step with 256 and 256 costs about
/// fifteen times more (measured here: 2 000 gradient steps in 142 s with 256-256, 10 000 in 49 s with 64-64).
/// </summary>
public sealed record DdpgOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in y = r + γ q(s′, μ(s′;θ⁻); w⁻)")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.98;

    /// <summary>Actor step size β.</summary>
    [Description("actor step size β of θ ← θ + β ∇_a q ∇_θ μ (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double ActorLearningRate { get; init; } = 1e-3;

    /// <summary>Critic step size α.</summary>
    [Description("critic step size α of w ← w − α ∇_w (q − y)² (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double CriticLearningRate { get; init; } = 1e-3;

    /// <summary>Hidden widths of the actor and of the critic.</summary>
    [Description("hidden layer widths of the actor and the critic (ReLU between them), comma-separated")]
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
    [Description("target networks follow by θ⁻ ← τ θ + (1 − τ) θ⁻ after every gradient step")]
    [Range(0.0, 1.0)]
    public double Tau { get; init; } = 0.005;

    /// <summary>Exploration noise σ, as a fraction of the action's half-width.</summary>
    [Description("scale σ of the exploration noise (the Gaussian's standard deviation), as a fraction of the action's half-width")]
    [Range(0.0, 10.0)]
    public double ExplorationNoise { get; init; } = 0.1;

    /// <summary>The kind of exploration noise; <see cref="ExplorationNoise"/> is its σ.</summary>
    [Description("exploration noise: gaussian (independent each step) or ornstein-uhlenbeck (correlated, reset each episode)")]
    public ExplorationNoiseKind Noise { get; init; } = ExplorationNoiseKind.Gaussian;
}
