using RlGym.Core.Errors;

namespace RlGym.Rendering.Recording;

/// <summary>Finds the ffmpeg executable: <c>RLGYM_FFMPEG</c> when set, else the first <c>ffmpeg</c> on PATH.</summary>
internal static class Ffmpeg
{
    /// <summary>What to tell a user who has no ffmpeg.</summary>
    public const string InstallHint =
        "install it (Debian/Ubuntu: sudo apt-get install ffmpeg; Fedora: sudo dnf install ffmpeg; macOS: brew install ffmpeg; " +
        "Windows: winget install ffmpeg) or set RLGYM_FFMPEG to its path, or record PNG frames to a directory instead";

    /// <summary>The path of ffmpeg, or null when there is none. <paramref name="searchPath"/> replaces PATH (tests).</summary>
    public static string? Find(string? searchPath = null)
    {
        var configured = Environment.GetEnvironmentVariable("RLGYM_FFMPEG");
        if (searchPath is null && !string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        string[] names = OperatingSystem.IsWindows() ? ["ffmpeg.exe"] : ["ffmpeg"];
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The path of ffmpeg; a <see cref="UserInputException"/> naming the fix when there is none.</summary>
    public static string Require(string target, string? searchPath = null) =>
        Find(searchPath) ?? throw new UserInputException($"Recording to '{target}' needs ffmpeg, which was not found on PATH: {InstallHint}.");
}
