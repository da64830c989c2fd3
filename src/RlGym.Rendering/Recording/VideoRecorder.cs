using System.Diagnostics;
using System.Text;
using RlGym.Rendering.Skia;
using SkiaSharp;

namespace RlGym.Rendering.Recording;

/// <summary>
/// Writes frames of a fixed size where <c>--record PATH</c> says: numbered PNGs into a directory, or raw RGBA
/// frames piped into ffmpeg's standard input (<c>-f rawvideo -pix_fmt rgba -s WxH -r FPS -i -</c>) that
/// encodes an MP4 (H.264, yuv420p) or a GIF (with a palette made from the frames), as Gymnasium's RecordVideo
/// does through moviepy.
/// </summary>
public sealed class VideoRecorder : IDisposable
{
    private readonly Process? _ffmpeg;
    private readonly Stream? _stdin;
    private readonly StringBuilder _ffmpegErrors = new();
    private bool _finished;

    private VideoRecorder(string path, RecordingFormat format, int width, int height, int fps, Process? ffmpeg)
    {
        Path = path;
        Format = format;
        Width = width;
        Height = height;
        FramesPerSecond = fps;
        _ffmpeg = ffmpeg;
        _stdin = ffmpeg?.StandardInput.BaseStream;
    }

    /// <summary>Where frames go.</summary>
    public string Path { get; }

    /// <summary>Frames directory, MP4 or GIF.</summary>
    public RecordingFormat Format { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames per second of the video.</summary>
    public int FramesPerSecond { get; }

    /// <summary>Frames written so far.</summary>
    public int FrameCount { get; private set; }

    /// <summary>
    /// Opens a recording. A video needs ffmpeg: without it a <see cref="RlGym.Core.Errors.UserInputException"/>
    /// says how to install it. <paramref name="ffmpegSearchPath"/> replaces PATH when looking for it (tests).
    /// </summary>
    public static VideoRecorder Open(string path, int width, int height, int fps = 30, string? ffmpegSearchPath = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        var format = RecordingTarget.FormatOf(path);
        if (format == RecordingFormat.PngFrames)
        {
            Directory.CreateDirectory(path);
            return new VideoRecorder(path, format, width, height, fps, null);
        }

        string ffmpeg = Ffmpeg.Require(path, ffmpegSearchPath);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(path, format, width, height, fps)) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start ffmpeg at '{ffmpeg}'.");
        var recorder = new VideoRecorder(path, format, width, height, fps, process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (recorder._ffmpegErrors) recorder._ffmpegErrors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return recorder;
    }

    /// <summary>The ffmpeg command line (after the executable) for a video of this size and rate.</summary>
    public static IReadOnlyList<string> Arguments(string path, RecordingFormat format, int width, int height, int fps)
    {
        var args = new List<string>
        {
            "-y", "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{width}x{height}", "-r", fps.ToString(), "-i", "-",
        };
        if (format == RecordingFormat.Mp4)
            // yuv420p (what players accept) needs even sides, hence the pad.
            args.AddRange(["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]);
        else
            args.AddRange(["-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse", "-loop", "0"]);
        args.Add(path);
        return args;
    }

    /// <summary>Adds one frame of tightly packed RGBA rows, top row first.</summary>
    public void AddFrame(ReadOnlySpan<byte> rgba)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (rgba.Length != Width * Height * 4)
            throw new ArgumentException($"A {Width}×{Height} RGBA frame has {Width * Height * 4} bytes, got {rgba.Length}.", nameof(rgba));
        FrameCount++;
        if (_stdin is null)
        {
            var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var image = SKImage.FromPixelCopy(info, rgba);
            using var pixmap = image.PeekPixels();
            using var png = PngEncoding.Encode(pixmap);
            using var file = File.Create(System.IO.Path.Combine(Path, RecordingTarget.FrameName(FrameCount)));
            png.SaveTo(file);
            return;
        }
        try { _stdin.Write(rgba); }
        catch (IOException e) { throw new InvalidOperationException($"ffmpeg stopped taking frames for '{Path}': {Errors()}", e); }
    }

    /// <summary>Adds the current pixels of a Skia canvas of this recorder's size.</summary>
    public void AddFrame(SkiaCanvas canvas)
    {
        canvas.Flush();
        AddFrame(canvas.Pixels);
    }

    /// <summary>Ends the recording: closes ffmpeg's input and waits for the file; throws when ffmpeg failed.</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        if (_ffmpeg is null) return;
        _stdin!.Dispose();
        _ffmpeg.WaitForExit();
        int code = _ffmpeg.ExitCode;
        _ffmpeg.Dispose();
        if (code != 0) throw new InvalidOperationException($"ffmpeg failed writing '{Path}' (exit code {code}): {Errors()}");
    }

    private string Errors()
    {
        lock (_ffmpegErrors) return _ffmpegErrors.ToString().Trim();
    }

    /// <inheritdoc />
    public void Dispose() => Finish();
}
