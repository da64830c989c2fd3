using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Running;

namespace RlGym.Cli.Runs;

/// <summary>
/// A sweep's progress as log lines: one per rung and, unless a progress bar shows them (<paramref name="logTrials"/>
/// false), one per finished trial.
/// </summary>
public sealed class SweepProgressLog(ILogger log, bool logTrials = true) : ISweepProgress
{
    private int _done, _total;

    /// <summary>Trials finished in this rung (earlier runs included).</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Trials of this rung.</summary>
    public int Total => _total;

    /// <summary>What the current rung is called on a progress bar.</summary>
    public string Rung { get; private set; } = "trials";

    /// <summary>Called on every finished trial, after the log line (for a progress bar).</summary>
    public Action? Changed { get; set; }

    /// <inheritdoc />
    public void RungStarted(int rung, int rungs, int total, int alreadyDone)
    {
        _total = total;
        _done = alreadyDone;
        string which = rungs > 1 ? $"rung {rung + 1} of {rungs}: " : "";
        Rung = rungs > 1 ? $"rung {rung + 1}/{rungs}" : "trials";
        if (alreadyDone > 0) log.LogInformation("{Which}{Total} trials, {Done} finished before; continuing", which, total, alreadyDone);
        else log.LogInformation("{Which}{Total} trials", which, total);
        Changed?.Invoke();
    }

    /// <inheritdoc />
    public void TrialDone(TrialJob job, TrialOutcome outcome)
    {
        int done = Interlocked.Increment(ref _done);
        if (logTrials)
            log.LogInformation("trial {Trial} done ({Done}/{Total}): final return {Final}, {Episodes} episodes",
            job.TrialId, done, _total, outcome.FinalReturn.ToString("0.###", CultureInfo.InvariantCulture), outcome.Episodes);
        Changed?.Invoke();
    }
}
