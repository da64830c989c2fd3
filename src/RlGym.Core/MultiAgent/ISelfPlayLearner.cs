namespace RlGym.Core.MultiAgent;

/// <summary>
/// A game player that learns by playing against itself (AlphaGo Zero), optionally after cloning a demonstrator's moves
/// (AlphaGo's first stage). The self-play trainer calls <see cref="LearnFromDemonstrations"/> once when
/// <see cref="DemonstrationGames"/> is positive, then <see cref="PlaySelfPlayGame"/> once per game. The learner
/// looks ahead with the game's rules; it never steps an environment.
/// </summary>
public interface ISelfPlayLearner<TState> : IGamePlayer<TState> where TState : struct
{
    /// <summary>Demonstration games to clone before self-play (0: start from random networks).</summary>
    int DemonstrationGames { get; }

    /// <summary>Plays the demonstrator's games and trains the policy network as a classifier on its moves.</summary>
    DemonstrationResult LearnFromDemonstrations(CancellationToken cancellationToken = default);

    /// <summary>Plays one game against itself and takes the training steps that follow it.</summary>
    SelfPlayGameResult PlaySelfPlayGame();

    /// <summary>The most games <see cref="PlaySelfPlayGames"/> plays at once (1 unless the learner plays games in parallel).</summary>
    int ParallelGames => 1;

    /// <summary>
    /// Plays <paramref name="count"/> games (1 to <see cref="ParallelGames"/>) and takes the training steps that follow
    /// them; the results are in game order. A learner that plays games in parallel must give the same results whichever
    /// game finishes first, so that runs and resumed runs stay exact.
    /// </summary>
    IReadOnlyList<SelfPlayGameResult> PlaySelfPlayGames(int count) =>
        count == 1 ? [PlaySelfPlayGame()] : throw new ArgumentOutOfRangeException(nameof(count), count, "This learner plays one game at a time.");
}

/// <summary>What one self-play game did: its length, its winner (−1 a draw) and the losses of the training steps after it (NaN when none were taken).</summary>
public readonly record struct SelfPlayGameResult(int Moves, int Winner, double PolicyLoss, double ValueLoss);

/// <summary>What behaviour cloning did: games and positions of demonstrations, and the final training losses.</summary>
public readonly record struct DemonstrationResult(int Games, int Positions, double PolicyLoss, double ValueLoss, double Accuracy);
