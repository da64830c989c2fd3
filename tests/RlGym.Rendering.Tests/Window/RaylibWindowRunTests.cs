using System.Diagnostics;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Tests.Fakes;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Tests.Window;

/// <summary>
/// The window around a stand-in trainer wired as <see cref="LiveView"/> wires it: training starts once the first
/// frame is on screen, the pace holds, and the last frame is the end of the run.
/// </summary>
[Collection(nameof(RaylibWindowTests))]
public sealed class RaylibWindowRunTests
{
    private const int W = 640, H = 360;

    /// <summary>A trainer on a fake CartPole: <paramref name="episodes"/> episodes of 10 steps, or until <paramref name="seconds"/> pass.</summary>
    private static void Train(FakeObservationEnv env, LiveViewObserver observer, int episodes, double seconds, CancellationToken token, Action? onFirstStep = null)
    {
        var clock = Stopwatch.StartNew();
        long step = 0;
        for (int e = 0; e < episodes && clock.Elapsed.TotalSeconds < seconds && !token.IsCancellationRequested; e++)
        {
            observer.OnEpisodeStart(env, env.Observation);
            for (int t = 0; t < 10 && clock.Elapsed.TotalSeconds < seconds && !token.IsCancellationRequested; t++)
            {
                if (step == 0) onFirstStep?.Invoke();
                env.Observation[0] = t * 0.1f;
                observer.OnAction(t % 2, 1.0);
                observer.OnStep(env, env.Observation, ++step);
            }
            observer.OnEpisode(new EpisodeMetrics(e, step, 10, 10, double.NaN, 0));
        }
    }

    private static (RaylibWindow Window, Task Training, SnapshotQueue Queue, Action Opened) Start(double pace, int episodes, double seconds,
        CancellationTokenSource stop, Action? onFirstStep = null)
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var gate = new TrainingGate(pace);
        var observer = new LiveViewObserver(env, null, queue, gate, cancellation: stop.Token);
        var window = new RaylibWindow(SceneCatalog.WithDashboard(new CartPoleScene()), queue, gate, stop,
            new RaylibWindowOptions(W, H, CloseWhenTrainingEnds: true, Hidden: true));
        var opened = new ManualResetEventSlim();
        var training = Task.Factory.StartNew(() =>
        {
            WaitHandle.WaitAny([opened.WaitHandle, stop.Token.WaitHandle]);
            try { Train(env, observer, episodes, seconds, stop.Token, onFirstStep); }
            finally { observer.PublishFinal(); }
        }, TaskCreationOptions.LongRunning);
        return (window, training, queue, opened.Set);
    }

    [RaylibFact]
    public void The_first_frame_is_drawn_before_the_first_step()
    {
        using var stop = new CancellationTokenSource();
        long framesAtFirstStep = -1;
        RaylibWindow? w = null;
        var (window, training, _, opened) = Start(0, 3, 30, stop, onFirstStep: () => framesAtFirstStep = w!.Frames);
        w = window;
        var clock = Stopwatch.StartNew();
        window.Run(training, opened);
        Assert.True(training.Wait(TimeSpan.FromSeconds(10)));
        Assert.True(framesAtFirstStep >= 1, $"the trainer stepped after {framesAtFirstStep} frames");
        Assert.True(clock.Elapsed.TotalSeconds < 30);
    }

    [RaylibFact]
    public void Training_waits_at_the_pace_chosen()
    {
        using var stop = new CancellationTokenSource();
        var (window, training, queue, opened) = Start(20, 1000, 1.5, stop);
        window.Run(training, opened);
        Assert.True(training.Wait(TimeSpan.FromSeconds(10)));
        var last = Assert.IsType<FrameSnapshot>(queue.Latest);
        // 20 steps/s for 1.5 s is 30 steps; the window's first frames and the load on the machine move it a little.
        Assert.InRange(last.Step, 15, 40);
    }

    [RaylibFact]
    public void The_final_frame_shows_the_last_episode()
    {
        using var stop = new CancellationTokenSource();
        var (window, training, queue, opened) = Start(0, 500, 60, stop);
        window.Run(training, opened);
        Assert.True(training.IsCompleted);
        var last = Assert.IsType<FrameSnapshot>(queue.Latest);
        Assert.True(last.Finished);
        Assert.Equal(500, last.Episode);
        Assert.Equal(500, last.Returns.Length);
        Assert.Equal(5000, last.Step);
    }

    [RaylibFact]
    public void A_finished_window_waits_for_keys_without_redrawing()
    {
        using var stop = new CancellationTokenSource();
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var gate = new TrainingGate(0);
        var observer = new LiveViewObserver(env, null, queue, gate, cancellation: stop.Token);
        var window = new RaylibWindow(SceneCatalog.WithDashboard(new CartPoleScene()), queue, gate, stop, new RaylibWindowOptions(W, H, Hidden: true));
        var opened = new ManualResetEventSlim();
        long framesAtEnd = -1;
        var training = Task.Factory.StartNew(() =>
        {
            opened.Wait();
            try { Train(env, observer, 5, 30, stop.Token); }
            finally { observer.PublishFinal(); }
        }, TaskCreationOptions.LongRunning);
        training.ContinueWith(_ =>
        {
            framesAtEnd = window.Frames;
            stop.CancelAfter(TimeSpan.FromSeconds(2.5));
        });
        window.Run(training, opened.Set);
        Assert.True(framesAtEnd >= 1);
        // Two frames put the final picture in both buffers, then one redraw a second: about 4 in 2.5 s, where a
        // window drawing at its idle rate of 10 frames per second would have drawn 25.
        long after = window.Frames - framesAtEnd;
        Assert.InRange(after, 2, 8);
        Assert.True(queue.Latest!.Finished);
    }
}
