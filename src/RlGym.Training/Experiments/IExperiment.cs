namespace RlGym.Training.Experiments;

/// <summary>
/// A reproduction of a textbook figure or table (e.g. Sutton &amp; Barto's cliff-walking comparison of Sarsa and
/// Q-learning): it runs over the given seeds and returns the series to plot, with the book's numbers in the notes.
/// </summary>
public interface IExperiment
{
    /// <summary>Kebab-case name used on the command line, e.g. <c>cliff-walking-sarsa-vs-q</c>.</summary>
    string Name { get; }

    /// <summary>One line: what the experiment reproduces (book, figure or example number).</summary>
    string Description { get; }

    /// <summary>Runs the experiment; results depend only on the seeds and options, not on parallelism.</summary>
    ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default);
}
