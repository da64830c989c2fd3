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
/// thread. Keys: Space pause/resume, Right one step while paused, Up/Down pace (steps per frame, up to turbo),
/// V values overlay, S screenshot into the run directory, Esc closes the window and asks training to stop.
/// </summary>
public sealed class RaylibWindow(Layout scene, SnapshotQueue queue, TrainingGate gate, CancellationTokenSource stop, RaylibWindowOptions? options = null)
{
    private readonly RaylibWindowOptions _options = options ?? new RaylibWindowOptions();
    private bool _showValues = true;
    private int _screenshots;

    /// <summary>The screenshots saved so far.</summary>
    public IReadOnlyList<string> Screenshots => _savedScreenshots;
    private readonly List<string> _savedScreenshots = [];

    /// <summary>
    /// Opens the window and draws until Esc (or, with <see cref="RaylibWindowOptions.CloseWhenTrainingEnds"/>, until
    /// <paramref name="training"/> completes); then closes it, cancels <c>stop</c> and releases the gate.
    /// Throws a <see cref="RlGym.Core.Errors.UserInputException"/> when raylib cannot be loaded.
    /// </summary>
    public void Run(Task? training = null)
    {
        EnsureCanOpen();
        Open(_options);
        try
        {
            var canvas = new RaylibCanvas(_options.Width, _options.Height);
            long frame = 0;
            // Ctrl+C (the linked stop token) closes the window as Esc does.
            while (!Raylib.WindowShouldClose() && !stop.IsCancellationRequested)
            {
                bool finished = training?.IsCompleted ?? false;
                if (finished && _options.CloseWhenTrainingEnds) break;
                HandleKeys();
                gate.OnFrame();
                if (!gate.IsTurbo || gate.IsPaused || frame % Math.Max(1, _options.TurboSnapshotEvery) == 0) queue.Request();
                frame++;

                var view = new ViewState(_showValues, gate.IsPaused, gate.Describe());
                Raylib.BeginDrawing();
                scene.Draw(canvas, queue.Latest ?? FrameSnapshot.Empty, view);
                if (finished) canvas.Text("Training finished - Esc closes", 12, _options.Height - 28, 18, Palette.Agent);
                if (_takeScreenshot) { SaveScreenshot(); _takeScreenshot = false; }
                Raylib.EndDrawing();
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

    private void HandleKeys()
    {
        if (Raylib.IsKeyPressed(RaylibKey.Space)) gate.TogglePause();
        if (Raylib.IsKeyPressed(RaylibKey.Right)) gate.StepOnce();
        if (Raylib.IsKeyPressed(RaylibKey.Up)) gate.Faster();
        if (Raylib.IsKeyPressed(RaylibKey.Down)) gate.Slower();
        if (Raylib.IsKeyPressed(RaylibKey.V)) _showValues = !_showValues;
        if (Raylib.IsKeyPressed(RaylibKey.S)) _takeScreenshot = true;
    }

    // Read back after the scene is drawn and before the buffers swap, so the file holds this frame.
    private void SaveScreenshot()
    {
        Directory.CreateDirectory(_options.ScreenshotDirectory);
        string path = Path.Combine(Path.GetFullPath(_options.ScreenshotDirectory), $"screenshot_{++_screenshots:D3}.png");
        // raylib batches shapes until the frame ends; the batch must reach the framebuffer before reading it.
        Raylib.DrawRenderBatchActive();
        var image = Raylib.LoadImageFromScreen();
        try { if (Raylib.ExportImage(image, path)) _savedScreenshots.Add(path); }
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

    private static void Open(RaylibWindowOptions options)
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
            var canvas = new RaylibCanvas(options.Width, options.Height);
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

    private static byte[] ReadScreen(int width, int height)
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
