namespace RlGym.Core.MultiAgent;

/// <summary>
/// The simultaneous-move multi-agent contract, in the spirit of PettingZoo's parallel API: every player chooses an
/// action at once, and every player receives its own reward. As a single-agent
/// <see cref="Environments.IEnv{TObs,TAct}"/> the joint action is a <c>MultiDiscrete</c> (one entry per player) and
/// the reward returned is player 0's; <see cref="Rewards"/> has everyone's. Reach this interface through
/// <c>env.Unwrapped</c>.
/// </summary>
public interface ISimultaneousEnv
{
    /// <summary>Number of players.</summary>
    int PlayerCount { get; }

    /// <summary>The players' names.</summary>
    IReadOnlyList<string> PlayerNames { get; }

    /// <summary>Number of actions of <paramref name="player"/>.</summary>
    int ActionCount(int player);

    /// <summary>The reward every player received at the last step (zeros after a reset).</summary>
    ReadOnlySpan<double> Rewards { get; }

    /// <summary>The observation of <paramref name="player"/> (every player sees the same in a matrix game).</summary>
    int Observe(int player);

    /// <summary>True when the episode has ended for <paramref name="player"/>.</summary>
    bool IsTerminated(int player);

    /// <summary>True when the episode was cut short for <paramref name="player"/>.</summary>
    bool IsTruncated(int player);
}
