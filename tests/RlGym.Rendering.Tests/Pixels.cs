using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;

namespace RlGym.Rendering.Tests;

/// <summary>Renders scenes offscreen and finds colours in the pixels.</summary>
public static class Pixels
{
    public static SkiaCanvas Render(IScene scene, FrameSnapshot snapshot, int width = 600, int height = 400, ViewState? view = null)
    {
        var canvas = new SkiaCanvas(width, height);
        new Layout(scene, null).Draw(canvas, snapshot, view ?? ViewState.Default);
        canvas.Flush();
        return canvas;
    }

    public static bool Near(Color a, Color b, int tolerance = 12) => a.DistanceTo(b) <= tolerance;

    /// <summary>Every pixel of a colour in a region, as (x, y).</summary>
    public static List<(int X, int Y)> Find(SkiaCanvas canvas, Color color, int tolerance = 12, Rect? region = null)
    {
        var r = region ?? new Rect(0, 0, canvas.Width, canvas.Height);
        var found = new List<(int, int)>();
        for (int y = Math.Max(0, (int)r.Y); y < Math.Min(canvas.Height, (int)r.Bottom); y++)
            for (int x = Math.Max(0, (int)r.X); x < Math.Min(canvas.Width, (int)r.Right); x++)
                if (Near(canvas.PixelAt(x, y), color, tolerance)) found.Add((x, y));
        return found;
    }

    public static (double X, double Y) Centroid(List<(int X, int Y)> points)
    {
        Assert.NotEmpty(points);
        return (points.Average(p => p.X), points.Average(p => p.Y));
    }
}
