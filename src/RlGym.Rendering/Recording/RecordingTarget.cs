using RlGym.Core.Errors;

namespace RlGym.Rendering.Recording;

/// <summary>What <c>--record PATH</c> writes.</summary>
public enum RecordingFormat
{
    /// <summary>A directory of numbered PNG frames, <c>frame_000001.png</c> on.</summary>
    PngFrames,
    /// <summary>An H.264 MP4 video, through ffmpeg.</summary>
    Mp4,
    /// <summary>An animated GIF, through ffmpeg.</summary>
    Gif,
}

/// <summary>Reads a <c>--record</c> path: <c>.mp4</c> and <c>.gif</c> are videos, anything else a directory of frames.</summary>
public static class RecordingTarget
{
    private static readonly string[] Unsupported = [".avi", ".mov", ".mkv", ".webm", ".png", ".jpg", ".jpeg"];

    /// <summary>The format a path asks for; a user mistake (another video or image extension) throws.</summary>
    public static RecordingFormat FormatOf(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UserInputException("--record needs a path: a directory for PNG frames, or a file ending in .mp4 or .gif.");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".mp4") return RecordingFormat.Mp4;
        if (ext == ".gif") return RecordingFormat.Gif;
        if (Array.IndexOf(Unsupported, ext) >= 0)
            throw new UserInputException($"--record '{path}': '{ext}' is not supported; use a directory (PNG frames), a .mp4 or a .gif file.");
        return RecordingFormat.PngFrames;
    }

    /// <summary>The name of frame <paramref name="number"/> (from 1) in a frames directory.</summary>
    public static string FrameName(int number) => $"frame_{number:D6}.png";
}
