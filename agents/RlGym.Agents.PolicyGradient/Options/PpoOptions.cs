using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Hyperparameters of PPO. The defaults are CleanRL's ppo.py (discrete actions: 4 copies × 128 steps, 4 minibatches,
/// 4 epochs, learning rate 2.5e-4 annealed to 0, γ 0.99, λ 0.95, clip 0.2 on the ratio and on the value, entropy
/// 0.01, value 0.5, gradient norm 0.5, 64-64 tanh networks); <see cref="Continuous"/> holds
/// ppo_continuous_action.py's (2048 steps, 32 minibatches, 10 epochs, learning rate 3e-4, no entropy bonus), which the
/// factory uses for Box actions.
/// </summary>
public sealed record PpoOptions
{
    /// <summary>CleanRL ppo_continuous_action.py's defaults.</summary>
    public static PpoOptions Continuous { get; } = new()
    {
        LearningRate = 3e-4, NumSteps = 2048, NumMinibatches = 32, UpdateEpochs = 10, EntCoef = 0.0, TotalSteps = 1_000_000,
    };

    /// <summary>Adam's learning rate (annealed linearly to 0 over total_steps when anneal_lr).</summary>
    [Description("Adam's learning rate, annealed linearly to 0 over total_steps when anneal_lr")]
    [Range(0.0, 1.0)]
    public double LearningRate { get; init; } = 2.5e-4;

    /// <summary>Steps per copy in a rollout.</summary>
    [Description("transitions per copy in a rollout (the rollout holds copies × num_steps)")]
    [Range(1, 1_000_000)]
    public int NumSteps { get; init; } = 128;

    /// <summary>Whether the learning rate anneals.</summary>
    [Description("anneal the learning rate linearly to 0 over total_steps")]
    public bool AnnealLr { get; init; } = true;

    /// <summary>Whether the clip coefficient anneals too (SB3 zoo's lin_0.2).</summary>
    [Description("anneal the clip coefficient linearly to 0 over total_steps as well")]
    public bool AnnealClip { get; init; }

    /// <summary>The run's length in environment steps, for the schedules.</summary>
    [Description("environment steps the schedules anneal over")]
    [Range(1, long.MaxValue)]
    public long TotalSteps { get; init; } = 500_000;

    /// <summary>Discount γ.</summary>
    [Description("discount γ")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>λ of GAE.</summary>
    [Description("λ of GAE(λ): A_t = δ_t + γλ A_{t+1}")]
    [Range(0.0, 1.0)]
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Minibatches per epoch.</summary>
    [Description("minibatches each epoch splits the rollout into")]
    [Range(1, 1_000_000)]
    public int NumMinibatches { get; init; } = 4;

    /// <summary>Passes over the rollout.</summary>
    [Description("epochs: passes over the rollout per update")]
    [Range(1, 1_000)]
    public int UpdateEpochs { get; init; } = 4;

    /// <summary>Normalise advantages per minibatch.</summary>
    [Description("normalise advantages to mean 0 and standard deviation 1 per minibatch")]
    public bool NormAdv { get; init; } = true;

    /// <summary>ε of the clipped ratio.</summary>
    [Description("ε: the ratio π/π_old is clipped to [1 − ε, 1 + ε]")]
    [Range(0.0, 10.0)]
    public double ClipCoef { get; init; } = 0.2;

    /// <summary>Clip the value loss like the ratio.</summary>
    [Description("clip the value update to ±ε around the rollout's values")]
    public bool ClipVloss { get; init; } = true;

    /// <summary>Entropy bonus coefficient.</summary>
    [Description("coefficient of the entropy bonus")]
    [Range(0.0, 100.0)]
    public double EntCoef { get; init; } = 0.01;

    /// <summary>Value loss coefficient.</summary>
    [Description("coefficient of the value loss")]
    [Range(0.0, 100.0)]
    public double VfCoef { get; init; } = 0.5;

    /// <summary>Global gradient norm clip.</summary>
    [Description("gradients are clipped to this global norm (0: off)")]
    [Range(0.0, 1e6)]
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>Hidden widths of the policy and of the value network.</summary>
    [Description("hidden layer widths of the policy and the value network (tanh between them), comma-separated")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64, 64];
}
