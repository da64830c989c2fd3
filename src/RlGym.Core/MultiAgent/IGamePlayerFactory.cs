using RlGym.Core.Agents;

namespace RlGym.Core.MultiAgent;

/// <summary>
/// Builds a game player by name (<c>minimax</c>, <c>mcts</c>, <c>random</c>, <c>alphazero</c>) for any game's rules,
/// with <c>key=value</c> settings (<c>mcts:simulations=200</c>).
/// </summary>
public interface IGamePlayerFactory
{
    /// <summary>The name, description and settings, as <c>rlgym agents</c> lists them.</summary>
    AgentInfo Info { get; }

    /// <summary>
    /// Creates the player for <paramref name="rules"/>. Unknown settings and out-of-range values throw
    /// <see cref="Errors.UserInputException"/>.
    /// </summary>
    IGamePlayer<TState> Create<TState, TRules>(TRules rules, IReadOnlyDictionary<string, string> settings, long seed)
        where TState : struct where TRules : struct, IGameRules<TState>;
}

/// <summary>A set of game players to register (the search agents' project has one; so can a plugin).</summary>
public interface IGamePlayerPackage
{
    /// <summary>Adds the package's players.</summary>
    void Register(GamePlayerRegistry registry);
}
