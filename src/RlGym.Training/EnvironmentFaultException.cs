namespace RlGym.Training;

/// <summary>
/// The environment failed during a run: it threw, or returned a reward or observation that is NaN or infinite.
/// The trainer stops without writing a checkpoint (the agent may have learned from the bad value), so the last good
/// checkpoint stays intact, and the metrics of the episodes already finished stay in <c>metrics.csv</c>.
/// </summary>
public sealed class EnvironmentFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnvironmentFaultException(string envId, int episode, int step, long totalSteps, string problem, Exception? inner = null)
        : base($"environment {envId} {problem} in episode {episode}, step {step} (total step {totalSteps}); the run stopped, the last checkpoint is kept", inner)
    {
        EnvId = envId;
        Episode = episode;
        Step = step;
        TotalSteps = totalSteps;
        Problem = problem;
    }

    /// <summary>The environment's id.</summary>
    public string EnvId { get; }

    /// <summary>The episode (from 0) in which it failed.</summary>
    public int Episode { get; }

    /// <summary>The step within the episode (from 1; 0 is the reset).</summary>
    public int Step { get; }

    /// <summary>Steps taken since the run began, the failing one included.</summary>
    public long TotalSteps { get; }

    /// <summary>What went wrong, e.g. <c>returned reward NaN</c>.</summary>
    public string Problem { get; }
}
