namespace RlGym.Rendering.Drawing;

/// <summary>
/// The TrueType font every canvas draws text with, so the window, PNGs and videos read alike: the file named by
/// <c>RLGYM_FONT</c> when set, else the first system font found of DejaVu Sans (Debian's fonts-dejavu-core),
/// Noto Sans (fonts-noto-core), Liberation Sans, Arial or Segoe UI. Null when none is found: canvases then fall
/// back to their built-in font.
/// </summary>
internal static class FontFile
{
    /// <summary>The environment variable naming a .ttf file to use instead.</summary>
    public const string PathVariable = "RLGYM_FONT";

    /// <summary>Where fonts are looked for, in order.</summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\segoeui.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The font file in use, or null when there is none.</summary>
    public static string? Path => Found.Value;

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
        foreach (var candidate in Candidates)
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>
    /// The characters besides printable ASCII that scenes draw (arrows, Greek letters, signs); a bitmap font
    /// (raylib) loads glyphs for exactly these.
    /// </summary>
    public const string ExtraCharacters = "←↑→↓πθεγαβσλμ·×±−–—…≥≤≈∈°²✓●■▲▼├│─";
}
