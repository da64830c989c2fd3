using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.ValueBased;

/// <summary>How transitions are drawn from the replay buffer.</summary>
public enum PrioritizationKind
{
    /// <summary>Uniformly: every stored transition equally likely.</summary>
    None,
    /// <summary>Proportional prioritized replay: p ∝ (|δ| + ε)^α, sampled through a sum tree.</summary>
    Proportional,
    /// <summary>Rank-based prioritized replay: p ∝ (1/rank)^α over an approximately sorted heap.</summary>
    Rank,
}

/// <summary>How the target network w⁻ follows the online network w.</summary>
public enum TargetUpdateKind
{
    /// <summary>w⁻ ← w every <see cref="DqnOptions.TargetUpdateInterval"/> environment steps.</summary>
    Hard,
    /// <summary>w⁻ ← τ w + (1 − τ) w⁻ after every gradient step.</summary>
    Soft,
}

/// <summary>The TD loss ℓ(q − y).</summary>
public enum TdLoss
{
    /// <summary>Huber (smooth L1, δ = 1): the DQN paper's error clipping, SB3's default.</summary>
    Huber,
    /// <summary>½ (q − y)², the lectures' loss.</summary>
    Mse,
}

/// <summary>
/// Every hyperparameter of <see cref="DqnAgent"/>, each refinement of lecture 3 a switch. The defaults start from
/// Stable-Baselines3 zoo's tuned CartPole-v1 DQN (batch 64, buffer 100k, learning starts 1000, γ 0.99, target update
/// every 10 steps, 128 gradient steps every 256 steps, ε 1 → 0.04 over the first 8 000 steps, Huber loss, gradient
/// norm 10) with SB3's default 64-64 network, trade the zoo's α = 2.3e-3 for α = 5e-4 annealed linearly to 0 over
/// the 100k planned steps, so that the final weights hold still, and use 2-step targets (lecture 3), which learn faster.
/// Measured through <c>rlgym train CartPole-v1 --agent dqn --steps 100000 --seed s</c> then <c>rlgym eval DIR
/// --episodes 100</c>: the final agent of seeds 1–5 scores 500, 488.5, 500, 474.6, 500 (4 of 5 ≥ 475), of seeds 6–10
/// 297.2, 500, 500, 500, 493.8 (4 of 5). With 1-step targets the same settings ended at 500, 475.2, 500, 133.7, 500 and
/// 476.4, 441.2, 129.4, 321.3, 279.5 (5 of 10), and the zoo's constant α = 2.3e-3 at 96, 198, 84, 182, 106 on seeds
/// 1–5. Neighbours of the 1-step settings measured on seeds 1–5 all did worse: α 3e-4 or 1e-3 annealed to 0 (1 and 2 of
/// 5), α annealed to a tenth (1), double DQN (3), batch 256 (2), 2 gradient steps every 4 steps with target copies every
/// 1 000 (1), soft target updates with τ = 0.005 (3: 500, 500, 500, 268.5, 181.5), ε → 0.01 (3: 181.1, 500, 500, 500,
/// 9.2), 256 gradient steps a round (500, 500, 204.3, 234.9 on seeds 1–4); so did 3-step targets (3: 433.6, 112.4,
/// 489.4, 484.5, 500; solved by about 35k steps, then drifting before α reaches 0), also with α = 3e-4 (500, 151.2,
/// 344.0 on seeds 1–3). The zoo's 256-256 network costs about ten times the compute and was not measured to the end.
/// </summary>
public sealed record DqnOptions
{
    /// <summary>Discount γ.</summary>
    [Description("discount γ in the TD target y = r + γ max_a Q(s',a;w⁻)")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>The DQN step size α of w ← w − α δ ∇w Q(s,a;w) (the lectures' symbol), here Adam's learning rate.</summary>
    [Description("step size α of w ← w − α δ ∇w Q (Adam's learning rate)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 5e-4;

    /// <summary>α at the end of total_steps as a fraction of <see cref="Alpha"/>: α falls linearly to it, then stays.</summary>
    [Description("α falls linearly over total_steps to alpha · alpha_end_fraction (1 keeps α constant, 0 anneals it to 0)")]
    [Range(0.0, 1.0)]
    public double AlphaEndFraction { get; init; }

    /// <summary>Hidden layer widths.</summary>
    [Description("hidden layer widths of the Q-network (ReLU between them), comma-separated (empty: linear)")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64, 64];

    /// <summary>Replay capacity n.</summary>
    [Description("replay buffer capacity n: the last n transitions are kept")]
    [Range(1, 100_000_000)]
    public int BufferSize { get; init; } = 100_000;

    /// <summary>Minibatch size.</summary>
    [Description("transitions per gradient step")]
    [Range(1, 65_536)]
    public int BatchSize { get; init; } = 64;

    /// <summary>Steps of pure collection before learning.</summary>
    [Description("environment steps collected before the first gradient step")]
    [Range(0, int.MaxValue)]
    public int LearningStarts { get; init; } = 1_000;

    /// <summary>Environment steps between training rounds.</summary>
    [Description("environment steps between training rounds")]
    [Range(1, int.MaxValue)]
    public int TrainFrequency { get; init; } = 256;

    /// <summary>Gradient steps per training round.</summary>
    [Description("gradient steps per training round")]
    [Range(1, int.MaxValue)]
    public int GradientSteps { get; init; } = 128;

    /// <summary>The TD loss.</summary>
    [Description("TD loss: huber (error clipping) or mse (½ δ²)")]
    public TdLoss Loss { get; init; } = TdLoss.Huber;

    /// <summary>Gradient clipping.</summary>
    [Description("clip gradients to this global norm; 0 turns clipping off")]
    [Range(0.0, 1e9)]
    public double MaxGradNorm { get; init; } = 10;

    /// <summary>ε at the start.</summary>
    [Description("ε of ε-greedy at the start of training")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 1.0;

    /// <summary>ε after the decay.</summary>
    [Description("ε after the linear decay")]
    [Range(0.0, 1.0)]
    public double EpsilonEnd { get; init; } = 0.04;

    /// <summary>Fraction of <see cref="TotalSteps"/> over which ε decays.</summary>
    [Description("fraction of total_steps over which ε decays linearly to epsilon_end")]
    [Range(0.0, 1.0)]
    public double ExplorationFraction { get; init; } = 0.08;

    /// <summary>The planned length of training, which the ε and β schedules are fractions of.</summary>
    [Description("planned training steps: the ε and β schedules are fractions of it (training may run longer)")]
    [Range(1, long.MaxValue)]
    public long TotalSteps { get; init; } = 100_000;

    /// <summary>Target network update.</summary>
    [Description("target network update: hard (copy every target_update_interval steps) or soft (Polyak after each gradient step)")]
    public TargetUpdateKind TargetUpdate { get; init; } = TargetUpdateKind.Hard;

    /// <summary>C of the hard update.</summary>
    [Description("environment steps C between hard target copies w⁻ ← w")]
    [Range(1, int.MaxValue)]
    public int TargetUpdateInterval { get; init; } = 10;

    /// <summary>τ of the soft update.</summary>
    [Description("τ of the soft target update w⁻ ← τ w + (1 − τ) w⁻")]
    [Range(0.0, 1.0)]
    public double Tau { get; init; } = 0.005;

    /// <summary>Double DQN.</summary>
    [Description("double DQN: the online net picks a* = argmax_a Q(s',a;w), the target net evaluates it")]
    public bool Double { get; init; }

    /// <summary>Dueling head.</summary>
    [Description("dueling head: Q(s,a) = V(s) + A(s,a) − mean_a A(s,a)")]
    public bool Dueling { get; init; }

    /// <summary>Steps n of the multi-step target (the lectures' m); 1 is the one-step TD target, 2 the default (see above).</summary>
    [Description("steps n of the multi-step target y = Σ_{i<n} γ^i r_{t+i} + γ^n max_a Q(s_{t+n},a;w⁻) (lecture's m; 1 is one-step TD)")]
    [Range(1, 1000)]
    public int N { get; init; } = 2;

    /// <summary>Prioritized replay.</summary>
    [Description("prioritized replay: none (uniform), proportional (p ∝ |δ|+ε) or rank (p ∝ 1/rank)")]
    public PrioritizationKind Prioritized { get; init; } = PrioritizationKind.None;

    /// <summary>Priority exponent α.</summary>
    [Description("priority exponent α: P(i) = p_i^α / Σ_k p_k^α (0 is uniform)")]
    [Range(0.0, 10.0)]
    public double PriorityAlpha { get; init; } = 0.6;

    /// <summary>β at the start of training.</summary>
    [Description("importance-sampling exponent β at the start, annealed linearly to 1 over total_steps")]
    [Range(0.0, 1.0)]
    public double PriorityBeta { get; init; } = 0.4;

    /// <summary>ε of p = |δ| + ε.</summary>
    [Description("ε added to |δ| so that no transition's priority is zero")]
    [Range(0.0, 1e9)]
    public double PriorityEpsilon { get; init; } = 1e-6;
}
