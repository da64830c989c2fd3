namespace RlGym.Training.Comparisons;

/// <summary>How a comparison runs and summarises.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Training episodes of every (agent, seed) run.</summary>
    public int Episodes { get; init; } = 500;

    /// <summary>
    /// Environment steps per run, of all the agent's copies together; when set it replaces <see cref="Episodes"/>, so
    /// every agent gets the same data whatever its number of copies.
    /// </summary>
    public long? Steps { get; init; }

    /// <summary>Runs at once; 1 runs them one after another. Results do not depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Share of the last episodes whose mean return is a run's final return (at least one episode).</summary>
    public double FinalFraction { get; init; } = 0.1;

    /// <summary>Confidence level of the intervals over seeds (0.90, 0.95 or 0.99).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Called with (label, seed) as each run finishes, from the worker thread that ran it (for progress).</summary>
    public Action<string, long>? RunCompleted { get; init; }
}
