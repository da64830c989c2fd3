namespace RlGym.Core.Checking;

/// <summary>
/// The outcome of one check of <see cref="EnvChecker"/>: its name, whether it passed and a one-line message saying
/// what was seen. A check that does not apply (e.g. seeding the start of an environment whose start is fixed) passes
/// with <see cref="Skipped"/> set.
/// </summary>
public sealed record EnvCheckResult(string Name, bool Passed, string Message)
{
    /// <summary>True when the check did not apply to this environment.</summary>
    public bool Skipped { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{(Skipped ? "skip" : Passed ? "pass" : "FAIL")}  {Name}: {Message}";
}
