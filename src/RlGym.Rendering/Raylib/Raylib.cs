using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Raylib;

/// <summary>
/// The part of raylib (5.x and 6.x C API) RlGym uses: cdecl calls with blittable structs, strings as UTF-8.
/// Call <see cref="RaylibLibrary.TryLoad"/> first so the library is found where the user put it.
/// </summary>
public static partial class Raylib
{
    /// <summary>Opens the window and its OpenGL context.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void InitWindow(int width, int height, string title);

    /// <summary>Closes the window and its context.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void CloseWindow();

    /// <summary>True once the window opened.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool IsWindowReady();

    /// <summary>True when Escape was pressed or the window's close button clicked.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool WindowShouldClose();

    /// <summary>Caps the frame rate.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SetTargetFPS(int fps);

    /// <summary>Sets flags before <see cref="InitWindow"/>.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SetConfigFlags(RaylibConfigFlags flags);

    /// <summary>Sets the lowest level of raylib's log messages printed.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SetTraceLogLevel(RaylibLogLevel level);

    /// <summary>Starts a frame.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void BeginDrawing();

    /// <summary>Ends a frame: swaps buffers and polls input.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void EndDrawing();

    /// <summary>Fills the framebuffer.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void ClearBackground(Color color);

    /// <summary>Fills a rectangle at integer coordinates.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRectangle(int x, int y, int width, int height, Color color);

    /// <summary>Fills a rectangle.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRectangleRec(RaylibRectangle rectangle, Color color);

    /// <summary>Outlines a rectangle one pixel wide.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRectangleLines(int x, int y, int width, int height, Color color);

    /// <summary>Outlines a rectangle with a border drawn inside it.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRectangleLinesEx(RaylibRectangle rectangle, float thickness, Color color);

    /// <summary>Fills a circle at an integer centre.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawCircle(int centerX, int centerY, float radius, Color color);

    /// <summary>Fills a circle.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawCircleV(RaylibVector2 center, float radius, Color color);

    /// <summary>Fills the ring between two radii from one angle to another (degrees).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRing(RaylibVector2 center, float innerRadius, float outerRadius, float startAngle, float endAngle, int segments, Color color);

    /// <summary>Draws a line of a given thickness.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawLineEx(RaylibVector2 start, RaylibVector2 end, float thickness, Color color);

    /// <summary>Fills a triangle whose vertices run counter-clockwise on screen.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawTriangle(RaylibVector2 v1, RaylibVector2 v2, RaylibVector2 v3, Color color);

    /// <summary>Draws text in the default font, top-left at (x, y).</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawText(string text, int x, int y, int fontSize, Color color);

    /// <summary>The width of text in the default font.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int MeasureText(string text, int fontSize);

    /// <summary>True in the frame a key went down.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool IsKeyPressed(int key);

    /// <summary>True while a key is held.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool IsKeyDown(int key);

    /// <summary>Seconds the last frame took.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial float GetFrameTime();

    /// <summary>Frames per second, as measured.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetFPS();

    /// <summary>Draws what raylib has batched so far (rlgl); needed before reading the screen inside a frame.</summary>
    [LibraryImport(RaylibLibrary.Name, EntryPoint = "rlDrawRenderBatchActive")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawRenderBatchActive();

    /// <summary>Copies the framebuffer into CPU memory (free with <see cref="UnloadImage"/>).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial RaylibImage LoadImageFromScreen();

    /// <summary>Writes an image to a file, the format from its extension; true on success.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ExportImage(RaylibImage image, string fileName);

    /// <summary>Frees an image's pixels.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void UnloadImage(RaylibImage image);
    /// <summary>The next key from raylib's queue of keys pressed since the last frame; 0 when it is empty.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetKeyPressed();

    /// <summary>From now on <see cref="EndDrawing"/> sleeps until an input event arrives (an idle window).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void EnableEventWaiting();

    /// <summary>Reads the input events that arrived (keys, close button) without drawing a frame.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void PollInputEvents();

    /// <summary>Sleeps for <paramref name="seconds"/> (raylib's precise wait).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void WaitTime(double seconds);

    /// <summary>Loads a TrueType font at a pixel size with the given Unicode code points.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial RaylibFont LoadFontEx(string fileName, int fontSize, int[] codepoints, int codepointCount);

    /// <summary>Frees a font loaded with <see cref="LoadFontEx"/>.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void UnloadFont(RaylibFont font);

    /// <summary>Sets how a texture is sampled when scaled (1: bilinear).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SetTextureFilter(RaylibTexture texture, int filter);

    /// <summary>Draws UTF-8 text in a font, top-left at <paramref name="position"/>.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DrawTextEx(RaylibFont font, string text, RaylibVector2 position, float fontSize, float spacing, Color tint);

    /// <summary>The size of UTF-8 text in a font.</summary>
    [LibraryImport(RaylibLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial RaylibVector2 MeasureTextEx(RaylibFont font, string text, float fontSize, float spacing);

    /// <summary>True in the frame a mouse button went down (0 left, 1 right, 2 middle).</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool IsMouseButtonPressed(int button);

    /// <summary>The mouse's x in window pixels.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetMouseX();

    /// <summary>The mouse's y in window pixels.</summary>
    [LibraryImport(RaylibLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetMouseY();
}
