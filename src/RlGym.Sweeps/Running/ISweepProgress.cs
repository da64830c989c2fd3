using RlGym.Sweeps.Planning;

namespace RlGym.Sweeps.Running;

/// <summary>What a sweep tells whoever watches it: a progress bar on a terminal, log lines otherwise.</summary>
public interface ISweepProgress
{
    /// <summary>A rung begins: <paramref name="total"/> trials, of which <paramref name="alreadyDone"/> finished in an earlier run.</summary>
    void RungStarted(int rung, int rungs, int total, int alreadyDone);

    /// <summary>A trial finished its rung.</summary>
    void TrialDone(TrialJob job, TrialOutcome outcome);
}
