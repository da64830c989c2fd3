namespace RlGym.Core.Wrappers;

/// <summary>
/// A wrapper holding statistics fitted to the observations it has seen (<see cref="NormalizeObservation{TAct}"/>'s
/// running mean and variance). They change what the agent behind the wrapper sees, so they belong to the trained
/// agent as much as its weights do: a run saves them beside its agent file and evaluation restores them, frozen
/// (<see cref="WrapperStatistics"/>).
/// </summary>
public interface IFittedWrapper
{
    /// <summary>True while observations update the statistics; false freezes them.</summary>
    bool Fitting { get; set; }

    /// <summary>Writes the statistics (not the fitting flag) that <see cref="ReadStatistics"/> restores.</summary>
    void WriteStatistics(BinaryWriter writer);

    /// <summary>Restores what <see cref="WriteStatistics"/> wrote; throws <see cref="InvalidDataException"/> when they do not fit this wrapper.</summary>
    void ReadStatistics(BinaryReader reader);
}
