using System.Runtime.InteropServices;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Raylib;

/// <summary>How the window looks and behaves.</summary>
/// <param name="Width">Window width in pixels.</param>
/// <param name="Height">Window height in pixels.</param>
/// <param name="Title">Window title.</param>
/// <param name="TargetFps">Frames per second the window aims at.</param>
/// <param name="ScreenshotDirectory">Where S saves screenshots (the run directory).</param>
/// <param name="TurboSnapshotEvery">In turbo, ask the trainer for a snapshot only every this many frames.</param>
/// <param name="CloseWhenTrainingEnds">Close as soon as training ends instead of waiting for Esc.</param>
/// <param name="Hidden">Open the window hidden (draws and reads back pixels without showing anything).</param>
public sealed record RaylibWindowOptions(
    int Width = 1200, int Height = 600, string Title = "RlGym", int TargetFps = 60, string ScreenshotDirectory = ".",
    int TurboSnapshotEvery = 4, bool CloseWhenTrainingEnds = false, bool Hidden = false);

/// <summary>
/// The window where agents are watched learning. It runs on the main thread (what macOS and most GL drivers
/// want) and draws the latest <see cref="SnapshotQueue"/> snapshot each frame, while the trainer runs on another
/// thread. Keys (read from raylib's key queue, so a quick tap between two frames is not lost): Space or P
/// pause/resume, Right or Enter one step while paused, Up/Down pace (steps per second, up to turbo), V values
/// overlay, S screenshot into the run directory, Esc closes the window and asks training to stop. Once training has
/// ended the window shows the final frame and idles (listening for keys, redrawing only when something changes) until Esc.
/// </summary>
public sealed class RaylibWindow(Layout scene, SnapshotQueue queue, TrainingGate gate, CancellationTokenSource stop, RaylibWindowOptions? options = null)
{
    /// <summary>How often per second a window whose run has ended looks for keys: enough to answer them, little work.</summary>
    public const int IdleFps = 10;

    /// <summary>How long a notice (e.g. "saved screenshot_001.png") stays on screen, in seconds.</summary>
    public const double NoticeSeconds = 3;

    private readonly RaylibWindowOptions _options = options ?? new RaylibWindowOptions();
    private bool _showValues = true;
    private int _screenshots;
    private string? _notice;
    private double _noticeUntil;
    private double _clock;

    /// <summary>The screenshots saved so far.</summary>
    public IReadOnlyList<string> Screenshots => _savedScreenshots;
    private readonly List<string> _savedScreenshots = [];

    /// <summary>Frames drawn so far.</summary>
    public long Frames { get; private set; }

    /// <summary>
    /// Opens the window and draws until Esc (or, with <see cref="RaylibWindowOptions.CloseWhenTrainingEnds"/>, until
    /// <paramref name="training"/> completes and its final frame was shown); then closes it, cancels <c>stop</c> and
    /// releases the gate. <paramref name="opened"/> is called once the first frame is on screen (training waits
    /// for it). Throws a <see cref="RlGym.Core.Errors.UserInputException"/> when raylib cannot be loaded.
    /// </summary>
    public void Run(Task? training = null, Action? opened = null)
    {
        EnsureCanOpen();
        Open(_options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var canvas = new RaylibCanvas(_options.Width, _options.Height);
            bool idle = false;
            int finalFramesDrawn = 0;
            double lastDrawn = 0;
            ViewState drawnView = default;
            // Ctrl+C (the linked stop token) closes the window as Esc does.
            while (!Raylib.WindowShouldClose() && !stop.IsCancellationRequested)
            {
                double dt = Frames == 0 ? 0 : Raylib.GetFrameTime();
                _clock = clock.Elapsed.TotalSeconds;
                bool finished = training?.IsCompleted ?? false;
                var latest = queue.Latest;
                // The trainer publishes its final frame before its task completes, so a completed task's latest
                // snapshot is the last there will be (a trainer that publishes none must not keep the window waiting).
                bool finalShown = finished;
                if (finalShown && _options.CloseWhenTrainingEnds && finalFramesDrawn > 0) break;
                bool keys = HandleKeys();
                gate.OnFrame(dt);
                if (!finished && (!gate.IsTurbo || gate.IsPaused || Frames % Math.Max(1, _options.TurboSnapshotEvery) == 0)) queue.Request();
                if (finalShown && !idle)
                {
                    Raylib.SetTargetFPS(IdleFps);
                    idle = true;
                }

                string? notice = _clock < _noticeUntil ? _notice : null;
                var view = new ViewState(_showValues, gate.IsPaused && !finished, finished ? "" : gate.Describe(), finished, notice);
                // A finished run's picture changes only when a key or a notice changes it: until then the window
                // only listens (both buffers hold the final frame after two draws; a redraw each second repairs
                // whatever a window manager lost), so it costs next to nothing while it waits for Esc.
                if (idle && finalFramesDrawn >= 2 && !keys && !_takeScreenshot && view == drawnView && _clock - lastDrawn < 1)
                {
                    // Not raylib's WaitTime: it spins through the last 5% of every wait, 5% of a core here.
                    Thread.Sleep(1000 / IdleFps);
                    Raylib.PollInputEvents();
                    continue;
                }
                Raylib.BeginDrawing();
                scene.Draw(canvas, latest ?? FrameSnapshot.Empty, view);
                if (_takeScreenshot) { SaveScreenshot(); _takeScreenshot = false; }
                Raylib.EndDrawing();
                (drawnView, lastDrawn) = (view, _clock);
                Frames++;
                if (finalShown) finalFramesDrawn++;
                if (Frames == 1) opened?.Invoke();
            }
        }
        finally
        {
            Raylib.CloseWindow();
            stop.Cancel();
            gate.Release();
        }
    }

    private bool _takeScreenshot;

    /// <summary>Saves a screenshot with the next frame, as the S key does.</summary>
    public void RequestScreenshot() => _takeScreenshot = true;

    // True when any key was pressed since the last frame.
    private bool HandleKeys()
    {
        bool any = false;
        for (int key = Raylib.GetKeyPressed(); key != 0; key = Raylib.GetKeyPressed())
        {
            any = true;
            switch (key)
            {
                case RaylibKey.Space or RaylibKey.P: gate.TogglePause(); break;
                case RaylibKey.Right or RaylibKey.Enter: gate.StepOnce(); break;
                case RaylibKey.Up: gate.Faster(); break;
                case RaylibKey.Down: gate.Slower(); break;
                case RaylibKey.V: _showValues = !_showValues; break;
                case RaylibKey.S: _takeScreenshot = true; break;
            }
        }
        return any;
    }

    // Read back after the scene is drawn and before the buffers swap, so the file holds this frame.
    private void SaveScreenshot()
    {
        Directory.CreateDirectory(_options.ScreenshotDirectory);
        string path = Path.Combine(Path.GetFullPath(_options.ScreenshotDirectory), $"screenshot_{++_screenshots:D3}.png");
        // raylib batches shapes until the frame ends; the batch must reach the framebuffer before reading it.
        Raylib.DrawRenderBatchActive();
        var image = Raylib.LoadImageFromScreen();
        try
        {
            bool saved = Raylib.ExportImage(image, path);
            if (saved) _savedScreenshots.Add(path);
            _notice = saved ? $"saved {path}" : $"could not save {path}";
            _noticeUntil = _clock + NoticeSeconds;
        }
        finally { Raylib.UnloadImage(image); }
    }

    /// <summary>
    /// Throws a <see cref="RlGym.Core.Errors.UserInputException"/> when no window can open: raylib missing, or on
    /// Linux no display (DISPLAY and WAYLAND_DISPLAY unset).
    /// </summary>
    public static void EnsureCanOpen()
    {
        RaylibLibrary.EnsureLoaded();
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
            throw new RlGym.Core.Errors.UserInputException(
                "The window needs a display, and DISPLAY is not set: run on a desktop, under Xvfb (xvfb-run), or use --record PATH to write frames or a video instead.");
    }

    internal static void Open(RaylibWindowOptions options)
    {
        Raylib.SetTraceLogLevel(RaylibLogLevel.Warning);
        var flags = RaylibConfigFlags.Msaa4X;
        if (options.Hidden) flags |= RaylibConfigFlags.WindowHidden;
        Raylib.SetConfigFlags(flags);
        Raylib.InitWindow(options.Width, options.Height, options.Title);
        if (!Raylib.IsWindowReady())
            throw new InvalidOperationException("raylib could not open a window (is a display available? DISPLAY is " +
                (Environment.GetEnvironmentVariable("DISPLAY") ?? "unset") + ").");
        Raylib.SetTargetFPS(options.TargetFps);
    }

    /// <summary>
    /// Opens a window, draws one frame of <paramref name="scene"/>, reads it back as RGBA pixels (top row first)
    /// and closes the window: the window's picture, to compare with the offscreen one.
    /// </summary>
    public static byte[] CaptureFrame(Layout scene, FrameSnapshot snapshot, ViewState view, RaylibWindowOptions? options = null)
    {
        options ??= new RaylibWindowOptions(Hidden: true);
        EnsureCanOpen();
        Open(options);
        try
        {
            using var canvas = new RaylibCanvas(options.Width, options.Height);
            byte[]? pixels = null;
            // Two frames: some drivers show garbage in the very first one.
            for (int i = 0; i < 2; i++)
            {
                Raylib.BeginDrawing();
                scene.Draw(canvas, snapshot, view);
                if (i == 1) pixels = ReadScreen(options.Width, options.Height);
                Raylib.EndDrawing();
            }
            return pixels!;
        }
        finally { Raylib.CloseWindow(); }
    }

    internal static byte[] ReadScreen(int width, int height)
    {
        Raylib.DrawRenderBatchActive();
        var image = Raylib.LoadImageFromScreen();
        try
        {
            if (image.Format != RaylibImage.FormatR8G8B8A8 || image.Data == 0)
                throw new InvalidOperationException($"raylib returned a screenshot in pixel format {image.Format}; expected 8-bit RGBA.");
            if (image.Width != width || image.Height != height)
                throw new InvalidOperationException($"raylib returned a {image.Width}×{image.Height} screenshot for a {width}×{height} window.");
            var pixels = new byte[width * height * 4];
            Marshal.Copy(image.Data, pixels, 0, pixels.Length);
            return pixels;
        }
        finally { Raylib.UnloadImage(image); }
    }
}
