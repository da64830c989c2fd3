namespace RlGym.Training.Metrics;

/// <summary>
/// Watches a training run from the trainer's thread: the metrics writer, the progress display and the window's
/// snapshot queue are observers. Implementations must return quickly and never block the trainer.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>After every reset, with the episode's first observation (a window draws the start state from it).</summary>
    void OnEpisodeStart(Core.Environments.IEnv env, object observation) { }

    /// <summary>
    /// After every environment step and just before <see cref="OnStep"/>: the action taken and the reward it earned
    /// (a window shows them beside the picture).
    /// </summary>
    void OnAction(object action, double reward) { }

    /// <summary>After every environment step; <paramref name="env"/> can be read (not stepped) during the call.</summary>
    void OnStep(Core.Environments.IEnv env, object observation, long totalSteps) { }

    /// <summary>After every episode.</summary>
    void OnEpisode(EpisodeMetrics metrics) { }
}
