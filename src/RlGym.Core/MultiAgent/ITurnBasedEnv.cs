namespace RlGym.Core.MultiAgent;

/// <summary>
/// The turn-based multi-agent contract, in the spirit of PettingZoo's AEC (agent–environment cycle) API. Players take
/// turns; the environment says whose turn it is (<see cref="CurrentPlayer"/>, PettingZoo's <c>agent_selection</c>),
/// gives each player its observation from its own point of view (<see cref="Observe"/>), the legal moves of the
/// player to move (<see cref="ActionMask"/>), the reward every player received at the last step
/// (<see cref="Rewards"/>) and whether the game ended for each (<see cref="IsTerminated"/>,
/// <see cref="IsTruncated"/>).
/// <para>
/// A turn-based environment is also a single-agent <see cref="Environments.IEnv{TObs,TAct}"/> seen from the seat of
/// whoever moves: <c>Step(action)</c> plays the move of <see cref="CurrentPlayer"/> and returns the next mover's
/// observation and the reward of the player who just moved. So the registry, the env checker, plugins and
/// <c>rlgym rollout</c> work on it unchanged. Reach this interface through <c>env.Unwrapped</c>.
/// </para>
/// </summary>
public interface ITurnBasedEnv
{
    /// <summary>Number of players.</summary>
    int PlayerCount { get; }

    /// <summary>The players' names, e.g. <c>X</c> and <c>O</c>.</summary>
    IReadOnlyList<string> PlayerNames { get; }

    /// <summary>The player whose move the next <c>Step</c> plays.</summary>
    int CurrentPlayer { get; }

    /// <summary>Writes <paramref name="player"/>'s observation, from its own point of view, into <paramref name="observation"/>.</summary>
    void Observe(int player, Span<float> observation);

    /// <summary>Writes true for every action the player to move may take (all false once the game is over).</summary>
    void ActionMask(Span<bool> mask);

    /// <summary>The reward every player received at the last step (zeros after a reset).</summary>
    ReadOnlySpan<double> Rewards { get; }

    /// <summary>True when the game has ended for <paramref name="player"/> (a win, a loss, a draw or an illegal move).</summary>
    bool IsTerminated(int player);

    /// <summary>True when the game was cut short for <paramref name="player"/>.</summary>
    bool IsTruncated(int player);
}
