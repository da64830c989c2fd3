using RlGym.Rendering.Drawing;
using SkiaSharp;

namespace RlGym.Rendering.Skia;

/// <summary>
/// An offscreen canvas drawing into an RGBA <see cref="SKBitmap"/> with anti-aliasing: frames for PNGs and
/// videos, and the reference picture the window is compared with. Text uses <see cref="FontFile"/>.
/// </summary>
public sealed class SkiaCanvas : ICanvas, IDisposable
{
    private readonly SKCanvas _canvas;
    private readonly SKPaint _paint = new() { IsAntialias = true };
    private readonly SKFont _font = new(Typeface.Value);

    // One typeface for every canvas: the system font <see cref="FontFile"/> found, else Skia's default.
    private static readonly Lazy<SKTypeface> Typeface = new(() =>
        FontFile.Path is { } path && SKTypeface.FromFile(path) is { } face ? face : SKTypeface.Default);
    private readonly SKPath _path = new();

    /// <summary>Creates a canvas over a new opaque RGBA bitmap.</summary>
    public SkiaCanvas(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"A canvas needs a positive size, got {width}×{height}.");
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(Bitmap);
    }

    /// <summary>The pixels drawn so far.</summary>
    public SKBitmap Bitmap { get; }

    /// <inheritdoc />
    public int Width => Bitmap.Width;

    /// <inheritdoc />
    public int Height => Bitmap.Height;

    /// <summary>The colour of one pixel.</summary>
    public Color PixelAt(int x, int y)
    {
        var c = Bitmap.GetPixel(x, y);
        return new Color(c.Red, c.Green, c.Blue, c.Alpha);
    }

    /// <summary>The pixels as tightly packed RGBA rows, top row first (what ffmpeg's <c>rgba</c> reads).</summary>
    public ReadOnlySpan<byte> Pixels => Bitmap.GetPixelSpan();

    private SKPaint Fill(Color c)
    {
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = new SKColor(c.R, c.G, c.B, c.A);
        return _paint;
    }

    private SKPaint Stroke(Color c, float thickness)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.StrokeWidth = thickness;
        _paint.StrokeCap = SKStrokeCap.Butt;
        _paint.Color = new SKColor(c.R, c.G, c.B, c.A);
        return _paint;
    }

    /// <inheritdoc />
    public void Clear(Color color) => _canvas.Clear(new SKColor(color.R, color.G, color.B, color.A));

    /// <inheritdoc />
    public void FillRectangle(Rect rect, Color color) =>
        _canvas.DrawRect(rect.X, rect.Y, rect.Width, rect.Height, Fill(color));

    /// <inheritdoc />
    public void StrokeRectangle(Rect rect, float thickness, Color color)
    {
        var r = rect.Inset(thickness / 2);
        _canvas.DrawRect(r.X, r.Y, r.Width, r.Height, Stroke(color, thickness));
    }

    /// <inheritdoc />
    public void FillCircle(float centerX, float centerY, float radius, Color color) =>
        _canvas.DrawCircle(centerX, centerY, radius, Fill(color));

    /// <inheritdoc />
    public void StrokeCircle(float centerX, float centerY, float radius, float thickness, Color color) =>
        _canvas.DrawCircle(centerX, centerY, radius, Stroke(color, thickness));

    /// <inheritdoc />
    public void Line(float x1, float y1, float x2, float y2, float thickness, Color color) =>
        _canvas.DrawLine(x1, y1, x2, y2, Stroke(color, thickness));

    /// <inheritdoc />
    public void FillTriangle(float x1, float y1, float x2, float y2, float x3, float y3, Color color)
    {
        _path.Reset();
        _path.MoveTo(x1, y1);
        _path.LineTo(x2, y2);
        _path.LineTo(x3, y3);
        _path.Close();
        _canvas.DrawPath(_path, Fill(color));
    }

    /// <inheritdoc />
    public void Text(string text, float x, float y, float size, Color color)
    {
        _font.Size = size;
        _font.GetFontMetrics(out var metrics);
        _canvas.DrawText(text, x, y - metrics.Ascent, SKTextAlign.Left, _font, Fill(color));
    }

    /// <inheritdoc />
    public float MeasureText(string text, float size)
    {
        _font.Size = size;
        return _font.MeasureText(text);
    }

    /// <summary>Flushes drawing into <see cref="Bitmap"/>.</summary>
    public void Flush() => _canvas.Flush();

    /// <summary>Encodes the pixels as PNG.</summary>
    public byte[] EncodePng()
    {
        Flush();
        using var pixmap = Bitmap.PeekPixels();
        using var data = PngEncoding.Encode(pixmap);
        return data.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _path.Dispose();
        _font.Dispose();
        _paint.Dispose();
        _canvas.Dispose();
        Bitmap.Dispose();
    }
}
