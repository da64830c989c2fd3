using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Games;

/// <summary>How a game replay is watched and recorded.</summary>
/// <param name="ShowWindow">Open the raylib window.</param>
/// <param name="RecordPath">Also record every frame: a directory of PNGs, or .mp4/.gif (ffmpeg); null records nothing.</param>
/// <param name="MovesPerSecond">The window's starting pace (0 is turbo); Up/Down change it.</param>
/// <param name="StartPaused">Open the window paused (Space resumes, Right shows one more move).</param>
/// <param name="Window">Window size, title, screenshot directory.</param>
/// <param name="FramesPerSecond">Frames per second of a recorded video: one frame is one move.</param>
public sealed record GameReplayViewOptions(
    bool ShowWindow, string? RecordPath = null, double MovesPerSecond = 1, bool StartPaused = false, RaylibWindowOptions? Window = null,
    int FramesPerSecond = 1)
{
    /// <summary>Width of the window and of recorded frames.</summary>
    public const int Width = 1000;

    /// <summary>Height of the window and of recorded frames.</summary>
    public const int Height = 600;
}

/// <summary>
/// Wires a <see cref="GameReplay{TState,TRules}"/> to the window and the recorder, as <see cref="LiveView"/> does for
/// a training run: the window opens on the calling (main) thread, the games are played on a worker thread once the
/// first frame is on screen, one move per turn of the <see cref="TrainingGate"/> (so Space, Right and Up/Down pause,
/// step and pace the replay), and the window shows the final score until Esc. Without a window the games are played
/// on the calling thread and only recorded.
/// </summary>
public static class GameReplayView
{
    /// <summary>
    /// Runs <paramref name="replay"/> (given where to show each frame and the last one); true when it played to its
    /// end, false when the window was closed first. A missing raylib or display, or ffmpeg for a video, is reported as
    /// a <see cref="RlGym.Core.Errors.UserInputException"/> before any game is played.
    /// </summary>
    public static bool Run(Action<Action<FrameSnapshot>, Action<FrameSnapshot>, CancellationToken> replay, GameReplayViewOptions options,
        CancellationToken cancellation = default)
    {
        var layout = MatchScene.Layout();
        if (options.ShowWindow) RaylibWindow.EnsureCanOpen();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var recorder = options.RecordPath is null ? null
            : EpisodeRecorder.Open(layout, options.RecordPath, RecordingSchedule.Every, GameReplayViewOptions.Width, GameReplayViewOptions.Height, options.FramesPerSecond);
        try
        {
            if (!options.ShowWindow)
            {
                replay(f => recorder?.Record(f), f => recorder?.Record(f), stop.Token);
                return true;
            }
            var queue = new SnapshotQueue();
            var gate = new TrainingGate(options.MovesPerSecond, options.StartPaused);
            bool ended = false;
            using var opened = new ManualResetEventSlim();
            var games = Task.Factory.StartNew(() =>
            {
                WaitHandle.WaitAny([opened.WaitHandle, stop.Token.WaitHandle]);
                if (stop.IsCancellationRequested) return;
                replay(frame =>
                {
                    queue.Publish(frame);
                    recorder?.Record(frame);
                    gate.WaitForTurn(stop.Token);
                }, frame =>
                {
                    queue.Publish(frame);
                    recorder?.Record(frame);
                    ended = true;
                }, stop.Token);
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var window = options.Window ?? new RaylibWindowOptions();
            new RaylibWindow(layout, queue, gate, stop, window with { Width = GameReplayViewOptions.Width, Height = GameReplayViewOptions.Height })
                .Run(games, opened.Set);
            try { games.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            return ended;
        }
        finally { recorder?.Dispose(); }
    }
}
