using System.Runtime.InteropServices;

namespace RlGym.Rendering.Raylib;

/// <summary>raylib's <c>Rectangle</c>: x, y, width, height as floats.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct RaylibRectangle(float X, float Y, float Width, float Height);

/// <summary>raylib's <c>Image</c>: pixels in CPU memory (<c>void* data</c>), size, mipmaps and pixel format.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct RaylibImage
{
    /// <summary>The pixel data, owned by raylib until <see cref="Raylib.UnloadImage"/>.</summary>
    public readonly nint Data;
    /// <summary>Width in pixels.</summary>
    public readonly int Width;
    /// <summary>Height in pixels.</summary>
    public readonly int Height;
    /// <summary>Mipmap levels (1 for a screenshot).</summary>
    public readonly int Mipmaps;
    /// <summary>raylib's <c>PixelFormat</c>; 7 is 8-bit RGBA.</summary>
    public readonly int Format;

    /// <summary>raylib's <c>PIXELFORMAT_UNCOMPRESSED_R8G8B8A8</c>.</summary>
    public const int FormatR8G8B8A8 = 7;
}

/// <summary>The raylib key codes the window reads.</summary>
public static class RaylibKey
{
    /// <summary>Space.</summary>
    public const int Space = 32;
    /// <summary>S.</summary>
    public const int S = 83;
    /// <summary>V.</summary>
    public const int V = 86;
    /// <summary>Escape.</summary>
    public const int Escape = 256;
    /// <summary>Cursor right.</summary>
    public const int Right = 262;
    /// <summary>Cursor down.</summary>
    public const int Down = 264;
    /// <summary>Cursor up.</summary>
    public const int Up = 265;
    /// <summary>P (pause, as Space).</summary>
    public const int P = 80;
    /// <summary>Enter (one step, as Right).</summary>
    public const int Enter = 257;
    /// <summary>Page up (fastest pace).</summary>
    public const int PageUp = 266;
    /// <summary>Page down (slowest pace).</summary>
    public const int PageDown = 267;
    /// <summary>N (a new game).</summary>
    public const int N = 78;
    /// <summary>The digit 1 above the letters; 2 to 9 follow it.</summary>
    public const int One = 49;
    /// <summary>The digit 9 above the letters.</summary>
    public const int Nine = 57;
    /// <summary>Keypad 1; keypad 2 to 9 follow it.</summary>
    public const int Keypad1 = 321;
    /// <summary>Keypad 9.</summary>
    public const int Keypad9 = 329;
}

/// <summary>raylib's <c>ConfigFlags</c> the window uses.</summary>
[Flags]
public enum RaylibConfigFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary><c>FLAG_MSAA_4X_HINT</c>: smooth edges.</summary>
    Msaa4X = 0x20,
    /// <summary><c>FLAG_VSYNC_HINT</c>.</summary>
    VSync = 0x40,
    /// <summary><c>FLAG_WINDOW_HIDDEN</c>: draw without showing the window (tests).</summary>
    WindowHidden = 0x80,
}

/// <summary>raylib's <c>TraceLogLevel</c>.</summary>
public enum RaylibLogLevel
{
    /// <summary>Everything.</summary>
    All = 0,
    /// <summary>Informational messages and above.</summary>
    Info = 3,
    /// <summary>Warnings and errors.</summary>
    Warning = 4,
    /// <summary>Errors only.</summary>
    Error = 5,
    /// <summary>Nothing.</summary>
    None = 7,
}

/// <summary>raylib's <c>Vector2</c>: a point or direction as two floats.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct RaylibVector2(float X, float Y);

/// <summary>raylib's <c>Texture</c>: an OpenGL texture id, size, mipmaps and pixel format.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct RaylibTexture
{
    /// <summary>OpenGL texture id.</summary>
    public readonly uint Id;
    /// <summary>Width in pixels.</summary>
    public readonly int Width;
    /// <summary>Height in pixels.</summary>
    public readonly int Height;
    /// <summary>Mipmap levels.</summary>
    public readonly int Mipmaps;
    /// <summary>raylib's <c>PixelFormat</c>.</summary>
    public readonly int Format;
}

/// <summary>raylib's <c>Font</c>: a glyph atlas texture and the glyphs' rectangles and metrics (owned by raylib).</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct RaylibFont
{
    /// <summary>The size in pixels the glyphs were rasterised at.</summary>
    public readonly int BaseSize;
    /// <summary>Number of glyphs.</summary>
    public readonly int GlyphCount;
    /// <summary>Padding around each glyph in the atlas.</summary>
    public readonly int GlyphPadding;
    /// <summary>The glyph atlas.</summary>
    public readonly RaylibTexture Texture;
    /// <summary>Glyph rectangles in the atlas (<c>Rectangle*</c>).</summary>
    public readonly nint Recs;
    /// <summary>Glyph metrics (<c>GlyphInfo*</c>).</summary>
    public readonly nint Glyphs;

    /// <summary>True when glyphs were loaded.</summary>
    public bool IsLoaded => GlyphCount > 0 && Texture.Id != 0;
}
