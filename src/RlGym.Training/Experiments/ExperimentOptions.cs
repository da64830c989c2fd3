namespace RlGym.Training.Experiments;

/// <summary>How an experiment runs; null values mean "as in the book".</summary>
public sealed record ExperimentOptions
{
    /// <summary>Episodes per run; null for the book's number.</summary>
    public int? Episodes { get; init; }

    /// <summary>Runs at once; results do not depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Experiment-specific overrides (<c>--set key=value</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
