namespace RlGym.Rendering.Drawing;

/// <summary>Dashed lines on any canvas (the canvases draw solid lines only).</summary>
public static class Dashes
{
    /// <summary>Draws a dashed line: dashes of <paramref name="dash"/> pixels separated by gaps of <paramref name="gap"/>.</summary>
    public static void Line(ICanvas canvas, float x1, float y1, float x2, float y2, float thickness, Color color, float dash = 8, float gap = 5)
    {
        float dx = x2 - x1, dy = y2 - y1, length = MathF.Sqrt(dx * dx + dy * dy);
        if (length <= 0) return;
        float ux = dx / length, uy = dy / length;
        for (float t = 0; t < length; t += dash + gap)
        {
            float end = Math.Min(t + dash, length);
            canvas.Line(x1 + ux * t, y1 + uy * t, x1 + ux * end, y1 + uy * end, thickness, color);
        }
    }
}
