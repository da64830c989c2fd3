using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Search.AlphaZero;

/// <summary>
/// Settings of <see cref="AlphaZeroPlayer{TState,TRules}"/>, sized for Connect Four on a small machine: two
/// 128-wide hidden layers per network, 100 simulations per move (a quarter of self-play moves, the others 25),
/// one gradient step of 64 positions per 4 positions kept.
/// </summary>
public sealed record AlphaZeroOptions
{
    /// <summary>PUCT simulations per move, in self-play and in play.</summary>
    [Description("PUCT simulations per move (self-play and play)")]
    [Range(1, 100_000)]
    public int Simulations { get; init; } = 100;

    /// <summary>
    /// Playout cap randomisation (Wu, 2019): the share of self-play moves searched with <see cref="Simulations"/> and
    /// root noise and kept for training; the others are searched with <see cref="FastSimulations"/>, without noise, and
    /// only played, so more games fit in the same time.
    /// </summary>
    [Description("share of self-play moves searched in full and kept for training (the rest use fast_simulations)")]
    [Range(0.0, 1.0)]
    public double FullSearchFraction { get; init; } = 0.25;

    /// <summary>Simulations of the self-play moves that are only played, not trained on.</summary>
    [Description("simulations of the self-play moves that are played but not kept for training")]
    [Range(1, 100_000)]
    public int FastSimulations { get; init; } = 25;

    /// <summary>The value target z ← (1 − λ) z + λ q, q the search's value of the position; λ = 0 is the game's result alone.</summary>
    [Description("weight λ of the search's root value in the value target (1 − λ) z + λ q")]
    [Range(0.0, 1.0)]
    public double ValueTargetMix { get; init; } = 0.5;

    /// <summary>The exploration weight c of Q(a) + c P(a) √N / (1 + n(a)).</summary>
    [Description("exploration weight c_puct of Q + c P √N / (1 + n)")]
    [Range(0.0, 100.0)]
    public double CPuct { get; init; } = 1.5;

    /// <summary>Hidden layer widths of the policy and of the value network.</summary>
    [Description("hidden layer widths of π(a|s;θ) and v(s;w) (ReLU between them)")]
    public int[] HiddenSizes { get; init; } = [128, 128];

    /// <summary>Adam's step size for both networks (α for v, β for π in the lectures).</summary>
    [Description("Adam step size of both networks")]
    [Range(0.0, 1.0)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Positions per gradient step.</summary>
    [Description("positions per gradient step")]
    [Range(1, 100_000)]
    public int BatchSize { get; init; } = 64;

    /// <summary>Positions stored per gradient step: a game of 30 moves, a quarter of them kept (16 positions with mirror images), takes 4 steps.</summary>
    [Description("positions stored per gradient step (mirror images count)")]
    [Range(1, 100_000)]
    public int PositionsPerUpdate { get; init; } = 4;

    /// <summary>Positions kept for training (the most recent).</summary>
    [Description("positions kept in the training buffer (most recent)")]
    [Range(1, 10_000_000)]
    public int BufferSize { get; init; } = 20_000;

    /// <summary>Self-play moves sampled in proportion to visit counts (temperature 1) before playing the most visited.</summary>
    [Description("opening moves of self-play sampled ∝ visit counts (then argmax)")]
    [Range(0, 1000)]
    public int TemperatureMoves { get; init; } = 8;

    /// <summary>Dirichlet concentration of the noise mixed into the root priors in self-play.</summary>
    [Description("Dirichlet α of the root noise in self-play")]
    [Range(0.0, 100.0)]
    public double DirichletAlpha { get; init; } = 1.0;

    /// <summary>Weight of that noise: P ← (1 − ε) P + ε η.</summary>
    [Description("weight ε of the root noise: P ← (1 − ε) P + ε Dir(α)")]
    [Range(0.0, 1.0)]
    public double NoiseFraction { get; init; } = 0.25;

    /// <summary>AlphaGo's path: demonstration games to clone before self-play (0: AlphaGo Zero's, from scratch).</summary>
    [Description("demonstration games cloned before self-play (0: none, AlphaGo Zero)")]
    [Range(0, 1_000_000)]
    public int BcGames { get; init; }

    /// <summary>The demonstrator: mcts or minimax.</summary>
    [Description("demonstrator of the cloned games: mcts or minimax")]
    public string BcDemonstrator { get; init; } = "mcts";

    /// <summary>The demonstrator's simulations (mcts) or plies (minimax).</summary>
    [Description("demonstrator strength: MCTS simulations, or minimax plies")]
    [Range(1, 10_000_000)]
    public int BcStrength { get; init; } = 400;

    /// <summary>Passes over the demonstrations.</summary>
    [Description("passes of behaviour cloning over the demonstrations")]
    [Range(1, 10_000)]
    public int BcEpochs { get; init; } = 10;

    /// <summary>
    /// Self-play games played at once, each on its own thread against a copy of the networks taken before the
    /// games; their positions are then learned in game order, so a run is the same whatever the threads do.
    /// 1 plays one game at a time with the networks as they are after the previous game's updates.
    /// </summary>
    [Description("self-play games played at once on separate threads against the same networks, learned in game order (1: one at a time)")]
    [Range(1, 64)]
    public int ParallelGames { get; init; } = 1;
}
