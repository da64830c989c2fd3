using RlGym.Core.Environments;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Live;

/// <summary>What a watched or recorded run shows and writes.</summary>
/// <param name="ShowWindow">Open the raylib window (<c>--render</c>, <c>rlgym watch</c>).</param>
/// <param name="RecordPath">Where to record (<c>--record PATH</c>: a directory, .mp4 or .gif); null records nothing.</param>
/// <param name="RecordSchedule">Which episodes (from 0) to record; null is Gymnasium's capped cubic schedule.</param>
/// <param name="StepsPerSecond">The window's starting pace in steps per second; 0 is turbo. Null starts at the env's own render rate (<see cref="SceneCatalog.RenderFps"/>); while training it then speeds up one pace per episode (<see cref="TrainingGate.OnEpisodeEnd"/>).</param>
/// <param name="StartPaused">Open the window paused.</param>
/// <param name="Window">Window size, title, screenshot directory.</param>
/// <param name="FrameWidth">Width of recorded frames.</param>
/// <param name="FrameHeight">Height of recorded frames.</param>
/// <param name="FramesPerSecond">Frame rate of recorded videos.</param>
/// <param name="ReplayEpisodes">For a replay (<c>rlgym watch</c>): the episodes it plays, shown as "replay 2 of 5"; null while training.</param>
/// <param name="Mosaic">Copies of a vector run shown side by side, copy 0 first (<see cref="MosaicScene"/>); 1 shows copy 0 alone.</param>
public sealed record LiveViewOptions(
    bool ShowWindow = false, string? RecordPath = null, Func<int, bool>? RecordSchedule = null, double? StepsPerSecond = null,
    bool StartPaused = false, RaylibWindowOptions? Window = null, int FrameWidth = 1200, int FrameHeight = 600, int FramesPerSecond = 30,
    int? ReplayEpisodes = null, int Mosaic = 1);

/// <summary>
/// Wires a run to the window and the recorder: builds the scene for the environment, the
/// <see cref="LiveViewObserver"/>, the queue and the gate; with a window, opens it on the calling (main) thread,
/// starts training on a worker thread only once the window has drawn its first frame, publishes the run's last
/// frame when training ends, finishes the recording and rethrows what training threw.
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
        if (options.Mosaic < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Mosaic, "A mosaic shows at least one copy.");
        var scene = SceneCatalog.For(env);
        var layout = SceneCatalog.WithDashboard(options.Mosaic > 1 ? new MosaicScene(scene) : scene);
        if (options.ShowWindow) RaylibWindow.EnsureCanOpen();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var recorder = options.RecordPath is null ? null
            : EpisodeRecorder.Open(layout, options.RecordPath, options.RecordSchedule, options.FrameWidth, options.FrameHeight, options.FramesPerSecond);
        try
        {
            if (!options.ShowWindow)
            {
                train(new LiveViewObserver(env, agent, recorder: recorder, cancellation: stop.Token, replayEpisodes: options.ReplayEpisodes, mosaic: options.Mosaic), stop.Token);
                return;
            }
            var queue = new SnapshotQueue();
            double pace = options.StepsPerSecond ?? SceneCatalog.RenderFps(env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "");
            // A replay keeps its pace; training speeds up from a followable pace so the curve rises within seconds.
            bool speedUp = options.StepsPerSecond is null && options.ReplayEpisodes is null;
            var gate = new TrainingGate(pace, options.StartPaused, speedUp);
            var observer = new LiveViewObserver(env, agent, queue, gate, recorder, stop.Token, options.ReplayEpisodes, options.Mosaic);
            using var opened = new ManualResetEventSlim();
            var training = Task.Factory.StartNew(() =>
            {
                // Training waits for the window (opening takes seconds on some systems) so no step goes unseen.
                WaitHandle.WaitAny([opened.WaitHandle, stop.Token.WaitHandle]);
                if (stop.IsCancellationRequested) return;
                try { train(observer, stop.Token); }
                finally { observer.PublishFinal(); }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            new RaylibWindow(layout, queue, gate, stop, options.Window).Run(training, opened.Set);
            try { training.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
        finally { recorder?.Dispose(); }
    }
}
