using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Raylib;

/// <summary>
/// Draws scenes in the raylib window, between <see cref="Raylib.BeginDrawing"/> and <see cref="Raylib.EndDrawing"/>,
/// on the thread that opened the window. Text uses raylib's built-in font (ASCII).
/// </summary>
public sealed class RaylibCanvas(int width, int height) : ICanvas
{
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
    public void Text(string text, float x, float y, float size, Color color) =>
        Raylib.DrawText(text, (int)MathF.Round(x), (int)MathF.Round(y), (int)MathF.Round(size), color);

    /// <inheritdoc />
    public float MeasureText(string text, float size) => Raylib.MeasureText(text, (int)MathF.Round(size));
}
