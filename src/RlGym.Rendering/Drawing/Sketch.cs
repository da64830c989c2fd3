namespace RlGym.Rendering.Drawing;

/// <summary>
/// A drawing kept as calls, made on one thread and drawn later on another, scaled into any rectangle: how an
/// environment that draws itself (<see cref="Scenes.IDrawableEnv"/>) reaches the window from the trainer's thread.
/// </summary>
public sealed class Sketch
{
    private readonly DrawCall[] _calls;

    /// <summary>Keeps <paramref name="calls"/>, drawn on a <paramref name="width"/>×<paramref name="height"/> canvas.</summary>
    public Sketch(IEnumerable<DrawCall> calls, float width, float height)
    {
        if (!(width > 0 && height > 0)) throw new ArgumentOutOfRangeException(nameof(width), $"A sketch needs a positive size, got {width}×{height}.");
        _calls = [.. calls];
        Width = width;
        Height = height;
    }

    /// <summary>Records what <paramref name="draw"/> draws on a <paramref name="width"/>×<paramref name="height"/> canvas.</summary>
    public static Sketch Record(Action<ICanvas, Rect> draw, int width, int height)
    {
        var canvas = new RecordingCanvas(width, height);
        draw(canvas, new Rect(0, 0, width, height));
        return new Sketch(canvas.Calls, width, height);
    }

    /// <summary>Width of the canvas it was drawn on.</summary>
    public float Width { get; }

    /// <summary>Height of the canvas it was drawn on.</summary>
    public float Height { get; }

    /// <summary>The calls, in order.</summary>
    public IReadOnlyList<DrawCall> Calls => _calls;

    /// <summary>Draws the sketch centred in <paramref name="area"/>, scaled to fit it with its aspect kept.</summary>
    public void DrawInto(ICanvas canvas, Rect area)
    {
        var frame = area.Fit(Width / Height);
        float s = frame.Width / Width;
        float X(float x) => frame.X + x * s;
        float Y(float y) => frame.Y + y * s;
        Rect R(Rect r) => new(X(r.X), Y(r.Y), r.Width * s, r.Height * s);
        foreach (var call in _calls)
        {
            switch (call)
            {
                case ClearCall c: canvas.FillRectangle(frame, c.Color); break;
                case FillRectangleCall c: canvas.FillRectangle(R(c.Rect), c.Color); break;
                case StrokeRectangleCall c: canvas.StrokeRectangle(R(c.Rect), Math.Max(1, c.Thickness * s), c.Color); break;
                case FillCircleCall c: canvas.FillCircle(X(c.CenterX), Y(c.CenterY), c.Radius * s, c.Color); break;
                case StrokeCircleCall c: canvas.StrokeCircle(X(c.CenterX), Y(c.CenterY), c.Radius * s, Math.Max(1, c.Thickness * s), c.Color); break;
                case LineCall c: canvas.Line(X(c.X1), Y(c.Y1), X(c.X2), Y(c.Y2), Math.Max(1, c.Thickness * s), c.Color); break;
                case FillTriangleCall c: canvas.FillTriangle(X(c.X1), Y(c.Y1), X(c.X2), Y(c.Y2), X(c.X3), Y(c.Y3), c.Color); break;
                case TextCall c: canvas.Text(c.Text, X(c.X), Y(c.Y), Math.Max(6, c.Size * s), c.Color); break;
            }
        }
    }
}
