using RlGym.Training.Experiments;

namespace RlGym.Experiments.Textbook;

/// <summary>An experiment of the textbook package: the contract plus the axes its figure is drawn with.</summary>
public abstract class TextbookExperiment : IExperiment
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The label of the figure's x axis, as in the book.</summary>
    public abstract string XLabel { get; }

    /// <summary>The label of the figure's y axis, as in the book.</summary>
    public abstract string YLabel { get; }

    /// <summary>The y range the book's figure shows, when it crops one; null lets the plot fit the data.</summary>
    public virtual (double Low, double High)? YLimits => null;

    /// <inheritdoc />
    public abstract ExperimentResult Run(IReadOnlyList<long> seeds, ExperimentOptions options, CancellationToken cancellation = default);
}
