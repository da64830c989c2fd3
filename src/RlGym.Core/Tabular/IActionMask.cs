namespace RlGym.Core.Tabular;

/// <summary>
/// An environment whose valid actions depend on the state (Sutton &amp; Barto's maximization-bias MDP: two actions in
/// A, many in B, one <c>Discrete</c> space for both). Agents that find it on <c>env.Unwrapped</c> choose, explore and
/// bootstrap over the valid actions only.
/// </summary>
public interface IActionMask
{
    /// <summary>True when <paramref name="action"/> may be taken in <paramref name="state"/>.</summary>
    bool IsValidAction(int state, int action);
}
