namespace RlGym.Core.Checking;

/// <summary>Everything <see cref="EnvChecker.Check"/> found about one environment, in the order the checks ran.</summary>
public sealed record EnvCheckReport(string EnvironmentName, IReadOnlyList<EnvCheckResult> Results)
{
    /// <summary>True when no check failed.</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<EnvCheckResult> Failures => Results.Where(r => !r.Passed);

    /// <summary>The result of the check called <paramref name="name"/> (see <see cref="EnvChecker"/>' constants).</summary>
    public EnvCheckResult this[string name] =>
        Results.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No check named '{name}'.");

    /// <inheritdoc />
    public override string ToString() =>
        $"{EnvironmentName}: {Results.Count(r => r.Passed)} of {Results.Count} checks passed" + Environment.NewLine +
        string.Join(Environment.NewLine, Results);
}
