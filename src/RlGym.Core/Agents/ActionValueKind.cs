namespace RlGym.Core.Agents;

/// <summary>What the numbers of an <see cref="IActionValues{TObs}"/> are, so a view can label them honestly.</summary>
public enum ActionValueKind
{
    /// <summary>Action values Q(s, a) (or q(s, a; w) of a critic): expected returns, any real number.</summary>
    ActionValues,

    /// <summary>Policy probabilities π(a|s): in [0, 1], summing to 1 over the actions.</summary>
    Probabilities,
}
