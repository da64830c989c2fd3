namespace RlGym.Core.Tabular;

/// <summary>One possible result of an action: Gymnasium's <c>P[s][a]</c> entry (prob, next state, reward, terminated).</summary>
public readonly record struct Outcome(double Probability, int NextState, double Reward, bool Terminal);

/// <summary>
/// A tabular environment's full model: for every state and action, the outcomes with their probabilities.
/// Planners (value and policy iteration) and tests use it; the probabilities of each (s, a) sum to 1.
/// </summary>
public interface ITabularModel
{
    /// <summary>Number of states.</summary>
    int StateCount { get; }

    /// <summary>Number of actions.</summary>
    int ActionCount { get; }

    /// <summary>The outcomes of taking <paramref name="action"/> in <paramref name="state"/>.</summary>
    IReadOnlyList<Outcome> Outcomes(int state, int action);

    /// <summary>True for states where every episode has already ended (their values are 0).</summary>
    bool IsTerminal(int state);
}
