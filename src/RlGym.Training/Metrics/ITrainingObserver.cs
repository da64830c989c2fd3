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

    /// <summary>
    /// How many environment copies this observer watches, copy 0 first: 1 (the default) for copy 0 alone, which the
    /// calls above report; a mosaic watches more, and hears of copies 1 to <c>WatchedCopies − 1</c> through
    /// <see cref="OnCopyEpisodeStart"/> and <see cref="OnCopyStep"/>. It must not change once the trainer is made.
    /// </summary>
    int WatchedCopies => 1;

    /// <summary>After every reset of a watched copy other than copy 0, with its episode's first observation.</summary>
    void OnCopyEpisodeStart(int copy, Core.Environments.IEnv env, object observation) { }

    /// <summary>
    /// After every step of a watched copy other than copy 0: the action, its reward and the observation it led to;
    /// <paramref name="env"/> can be read (not stepped) during the call.
    /// </summary>
    void OnCopyStep(int copy, Core.Environments.IEnv env, object observation, object action, double reward) { }

    /// <summary>
    /// For an observer watching more than copy 0: after every vector step (and after the first resets), once every
    /// copy has stepped or been reset and before the agent learns from the step, so a mosaic shows all its copies at
    /// the same moment.
    /// </summary>
    void OnCopiesStepped() { }
}
