using RlGym.Core.Environments;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Live;

/// <summary>What a watched or recorded run shows and writes.</summary>
/// <param name="ShowWindow">Open the raylib window (<c>--render</c>, <c>rlgym watch</c>).</param>
/// <param name="RecordPath">Where to record (<c>--record PATH</c>: a directory, .mp4 or .gif); null records nothing.</param>
/// <param name="RecordSchedule">Which episodes (from 0) to record; null is Gymnasium's capped cubic schedule.</param>
/// <param name="StepsPerFrame">The window's starting pace: 0 turbo (training), 1 to watch every step.</param>
/// <param name="StartPaused">Open the window paused.</param>
/// <param name="Window">Window size, title, screenshot directory.</param>
/// <param name="FrameWidth">Width of recorded frames.</param>
/// <param name="FrameHeight">Height of recorded frames.</param>
/// <param name="FramesPerSecond">Frame rate of recorded videos.</param>
public sealed record LiveViewOptions(
    bool ShowWindow = false, string? RecordPath = null, Func<int, bool>? RecordSchedule = null, int StepsPerFrame = 0,
    bool StartPaused = false, RaylibWindowOptions? Window = null, int FrameWidth = 1200, int FrameHeight = 600, int FramesPerSecond = 30);

/// <summary>
/// Wires a run to the window and the recorder: builds the scene for the environment, the
/// <see cref="LiveViewObserver"/>, the queue and the gate; with a window, runs training on a worker thread and the
/// window on the calling (main) thread; finishes the recording; rethrows what training threw.
/// </summary>
public static class LiveView
{
    /// <summary>
    /// Runs <paramref name="train"/>, which must hand the observer to the trainer and stop when the token is
    /// cancelled (Esc in the window cancels it). Problems the user can fix (no raylib, no display, no ffmpeg) are
    /// reported as <see cref="RlGym.Core.Errors.UserInputException"/> before training starts.
    /// </summary>
    public static void Run(IEnv env, object? agent, LiveViewOptions options, Action<LiveViewObserver, CancellationToken> train,
        CancellationToken cancellation = default)
    {
        var layout = SceneCatalog.WithDashboard(SceneCatalog.For(env));
        if (options.ShowWindow) RaylibWindow.EnsureCanOpen();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var recorder = options.RecordPath is null ? null
            : EpisodeRecorder.Open(layout, options.RecordPath, options.RecordSchedule, options.FrameWidth, options.FrameHeight, options.FramesPerSecond);
        try
        {
            if (!options.ShowWindow)
            {
                train(new LiveViewObserver(env, agent, recorder: recorder, cancellation: stop.Token), stop.Token);
                return;
            }
            var queue = new SnapshotQueue();
            var gate = new TrainingGate(options.StepsPerFrame, options.StartPaused);
            var observer = new LiveViewObserver(env, agent, queue, gate, recorder, stop.Token);
            var training = Task.Factory.StartNew(() => train(observer, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            new RaylibWindow(layout, queue, gate, stop, options.Window).Run(training);
            try { training.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
        finally { recorder?.Dispose(); }
    }
}
