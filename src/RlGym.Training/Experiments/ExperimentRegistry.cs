using RlGym.Core.Errors;

namespace RlGym.Training.Experiments;

/// <summary>Experiments by name, for <c>rlgym experiment NAME</c>.</summary>
public sealed class ExperimentRegistry
{
    private readonly Dictionary<string, IExperiment> _experiments = new(StringComparer.Ordinal);

    /// <summary>Registered experiments, by name.</summary>
    public IEnumerable<IExperiment> Experiments => _experiments.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    /// <summary>Adds an experiment; a name registered twice is an error.</summary>
    public ExperimentRegistry Register(IExperiment experiment)
    {
        if (!_experiments.TryAdd(experiment.Name, experiment))
            throw new ArgumentException($"Experiment '{experiment.Name}' is already registered.", nameof(experiment));
        return this;
    }

    /// <summary>The experiment called <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public IExperiment Get(string name) =>
        _experiments.TryGetValue(name, out var e)
            ? e
            : throw new UserInputException($"unknown experiment '{name}'; allowed: {(_experiments.Count == 0 ? "none registered" : string.Join(", ", _experiments.Keys.Order()))}");
}
