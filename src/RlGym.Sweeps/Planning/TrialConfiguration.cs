namespace RlGym.Sweeps.Planning;

/// <summary>
/// One point of the search: an agent with the settings the sweep chose for it (the swept ones only; the sweep
/// file's fixed settings are added when a trial's run configuration is made). Every seed trains it once.
/// </summary>
/// <param name="Index">Position in the plan, 0-based; trial ids and ties between equal results use it.</param>
/// <param name="Agent">Agent name.</param>
/// <param name="Settings">The swept settings, in the sweep file's key order.</param>
public sealed record TrialConfiguration(int Index, string Agent, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>The settings as <c>key=value</c> pairs separated by spaces (empty when nothing is swept).</summary>
    public string SettingsText => string.Join(" ", Settings.Select(p => $"{p.Key}={p.Value}"));
}
