namespace RlGym.Core.Environments;

/// <summary>
/// What <see cref="IEnv{TObs,TAct}.Step"/> returns, as Gymnasium v1's five-tuple.
/// <see cref="Terminated"/> means the MDP reached a terminal state (no bootstrapping past it);
/// <see cref="Truncated"/> means the episode was cut short (a time limit) and the state is not terminal.
/// </summary>
public readonly record struct StepResult<TObs>(
    TObs Observation,
    double Reward,
    bool Terminated,
    bool Truncated,
    IReadOnlyDictionary<string, object> Info)
{
    /// <summary>True when the episode is over for either reason.</summary>
    public bool Done => Terminated || Truncated;
}

/// <summary>What <see cref="IEnv{TObs,TAct}.Reset"/> returns: the first observation and an info dictionary.</summary>
public readonly record struct ResetResult<TObs>(TObs Observation, IReadOnlyDictionary<string, object> Info);
