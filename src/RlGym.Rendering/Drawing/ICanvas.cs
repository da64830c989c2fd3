namespace RlGym.Rendering.Drawing;

/// <summary>
/// What scenes draw on: a few primitives that Skia (offscreen PNGs and videos), raylib (the window) and the
/// recording test double all provide. Coordinates are pixels from the top-left corner, y pointing down.
/// </summary>
public interface ICanvas
{
    /// <summary>Width in pixels.</summary>
    int Width { get; }

    /// <summary>Height in pixels.</summary>
    int Height { get; }

    /// <summary>Fills the whole canvas.</summary>
    void Clear(Color color);

    /// <summary>Fills a rectangle.</summary>
    void FillRectangle(Rect rect, Color color);

    /// <summary>Outlines a rectangle with a border of <paramref name="thickness"/> pixels drawn inside it.</summary>
    void StrokeRectangle(Rect rect, float thickness, Color color);

    /// <summary>Fills a circle.</summary>
    void FillCircle(float centerX, float centerY, float radius, Color color);

    /// <summary>Outlines a circle.</summary>
    void StrokeCircle(float centerX, float centerY, float radius, float thickness, Color color);

    /// <summary>Draws a straight line of <paramref name="thickness"/> pixels (butt ends).</summary>
    void Line(float x1, float y1, float x2, float y2, float thickness, Color color);

    /// <summary>Fills a triangle given in any winding order.</summary>
    void FillTriangle(float x1, float y1, float x2, float y2, float x3, float y3, Color color);

    /// <summary>Draws one line of text with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    void Text(string text, float x, float y, float size, Color color);

    /// <summary>The width in pixels <see cref="Text"/> would use for <paramref name="text"/> at <paramref name="size"/>.</summary>
    float MeasureText(string text, float size);
}
