using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Raylib;

/// <summary>
/// Draws scenes in the raylib window, between <see cref="Raylib.BeginDrawing"/> and <see cref="Raylib.EndDrawing"/>,
/// on the thread that opened the window. Text uses the TrueType <see cref="FontFile"/> (the offscreen canvas's font),
/// rasterised once per pixel size so small text stays sharp; without one, raylib's built-in ASCII font.
/// Dispose it before the window closes.
/// </summary>
public sealed class RaylibCanvas(int width, int height) : ICanvas, IDisposable
{
    private readonly Dictionary<int, RaylibFont> _fonts = [];
    private static readonly int[] Codepoints = [.. Enumerable.Range(32, 95), .. Enumerable.Range(0xA0, 0x60), .. FontFile.ExtraCharacters.Select(c => (int)c)];
    private bool _noFont = FontFile.Path is null;

    /// <summary>True when text is drawn in the TrueType font (false: raylib's default font).</summary>
    public bool UsesTrueTypeFont => !_noFont;

    /// <inheritdoc />
    public int Width { get; } = width;

    /// <inheritdoc />
    public int Height { get; } = height;

    /// <inheritdoc />
    public void Clear(Color color) => Raylib.ClearBackground(color);

    /// <inheritdoc />
    public void FillRectangle(Rect rect, Color color) =>
        Raylib.DrawRectangleRec(new RaylibRectangle(rect.X, rect.Y, rect.Width, rect.Height), color);

    /// <inheritdoc />
    public void StrokeRectangle(Rect rect, float thickness, Color color) =>
        Raylib.DrawRectangleLinesEx(new RaylibRectangle(rect.X, rect.Y, rect.Width, rect.Height), thickness, color);

    /// <inheritdoc />
    public void FillCircle(float centerX, float centerY, float radius, Color color) =>
        Raylib.DrawCircleV(new RaylibVector2(centerX, centerY), radius, color);

    /// <inheritdoc />
    public void StrokeCircle(float centerX, float centerY, float radius, float thickness, Color color) =>
        Raylib.DrawRing(new RaylibVector2(centerX, centerY), Math.Max(0, radius - thickness / 2), radius + thickness / 2, 0, 360, 48, color);

    /// <inheritdoc />
    public void Line(float x1, float y1, float x2, float y2, float thickness, Color color) =>
        Raylib.DrawLineEx(new RaylibVector2(x1, y1), new RaylibVector2(x2, y2), thickness, color);

    /// <inheritdoc />
    public void FillTriangle(float x1, float y1, float x2, float y2, float x3, float y3, Color color)
    {
        // raylib culls triangles that are not counter-clockwise on screen (negative cross product with y down).
        float cross = (x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1);
        if (cross > 0) (x2, y2, x3, y3) = (x3, y3, x2, y2);
        Raylib.DrawTriangle(new RaylibVector2(x1, y1), new RaylibVector2(x2, y2), new RaylibVector2(x3, y3), color);
    }

    /// <inheritdoc />
    public void Text(string text, float x, float y, float size, Color color)
    {
        if (FontAt(size) is { } font) Raylib.DrawTextEx(font, text, new RaylibVector2(MathF.Round(x), MathF.Round(y)), MathF.Round(size), 0, color);
        else Raylib.DrawText(Ascii(text), (int)MathF.Round(x), (int)MathF.Round(y), (int)MathF.Round(size), color);
    }

    /// <inheritdoc />
    public float MeasureText(string text, float size) => FontAt(size) is { } font
        ? Raylib.MeasureTextEx(font, text, MathF.Round(size), 0).X
        : Raylib.MeasureText(Ascii(text), (int)MathF.Round(size));

    private RaylibFont? FontAt(float size)
    {
        if (_noFont) return null;
        int px = Math.Clamp((int)MathF.Round(size), 6, 160);
        if (_fonts.TryGetValue(px, out var font)) return font;
        // raylib warns on stderr about every glyph taller than the pixel size (box-drawing characters): harmless,
        // and noise in the user's terminal.
        Raylib.SetTraceLogLevel(RaylibLogLevel.Error);
        try { font = Raylib.LoadFontEx(FontFile.Path!, px, Codepoints, Codepoints.Length); }
        finally { Raylib.SetTraceLogLevel(RaylibLogLevel.Warning); }
        if (!font.IsLoaded)
        {
            _noFont = true;
            return null;
        }
        Raylib.SetTextureFilter(font.Texture, 1);
        _fonts[px] = font;
        return font;
    }

    // raylib's default font has ASCII only.
    private static string Ascii(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var b = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
            b.Append(c switch
            {
                '←' => "<", '→' => ">", '↑' => "^", '↓' => "v", 'π' => "pi", 'θ' => "theta", 'ε' => "eps", '−' or '–' or '—' => "-",
                '…' => "...", '×' => "x", '·' => ".", '±' => "+/-", '≥' => ">=", '≤' => "<=", _ when char.IsAscii(c) => c.ToString(), _ => "?",
            });
        return b.ToString();
    }

    /// <summary>Frees the loaded fonts (call while the window is still open).</summary>
    public void Dispose()
    {
        foreach (var font in _fonts.Values) Raylib.UnloadFont(font);
        _fonts.Clear();
    }
}
