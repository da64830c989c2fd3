namespace RlGym.Core.MultiAgent;

/// <summary>
/// Recovers a board game's state and rules types from an untyped environment, without reflection:
/// <c>game.Accept(visitor)</c> calls <see cref="Visit{TState,TRules}"/> with the rules (as <see cref="Environments.IEnvVisitor{TResult}"/>
/// does for an environment's spaces). The arena, the self-play trainer and the board scene use it.
/// </summary>
public interface IGameVisitor<out TResult>
{
    /// <summary>Called with the game's rules at their own types.</summary>
    TResult Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState>;
}

/// <summary>A board game whose rules a visitor can reach; every <see cref="TurnBasedEnv{TState,TRules}"/> is one.</summary>
public interface IBoardGame
{
    /// <summary>Calls <paramref name="visitor"/> with the game's rules.</summary>
    TResult Accept<TResult>(IGameVisitor<TResult> visitor);
}
