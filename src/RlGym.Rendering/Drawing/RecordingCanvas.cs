namespace RlGym.Rendering.Drawing;

/// <summary>
/// A canvas that draws nothing and remembers every call, in order, so tests can assert what a scene drew.
/// Text is measured as <c>0.6 × size</c> per character, a monospace estimate.
/// </summary>
public sealed class RecordingCanvas(int width = 800, int height = 600) : ICanvas
{
    private readonly List<DrawCall> _calls = [];

    /// <summary>The calls so far, oldest first.</summary>
    public IReadOnlyList<DrawCall> Calls => _calls;

    /// <summary>The calls of one kind, oldest first.</summary>
    public IEnumerable<T> CallsOf<T>() where T : DrawCall => _calls.OfType<T>();

    /// <summary>Forgets the calls so far.</summary>
    public void Reset() => _calls.Clear();

    /// <inheritdoc />
    public int Width { get; } = width;

    /// <inheritdoc />
    public int Height { get; } = height;

    /// <inheritdoc />
    public void Clear(Color color) => _calls.Add(new ClearCall(color));

    /// <inheritdoc />
    public void FillRectangle(Rect rect, Color color) => _calls.Add(new FillRectangleCall(rect, color));

    /// <inheritdoc />
    public void StrokeRectangle(Rect rect, float thickness, Color color) =>
        _calls.Add(new StrokeRectangleCall(rect, thickness, color));

    /// <inheritdoc />
    public void FillCircle(float centerX, float centerY, float radius, Color color) =>
        _calls.Add(new FillCircleCall(centerX, centerY, radius, color));

    /// <inheritdoc />
    public void StrokeCircle(float centerX, float centerY, float radius, float thickness, Color color) =>
        _calls.Add(new StrokeCircleCall(centerX, centerY, radius, thickness, color));

    /// <inheritdoc />
    public void Line(float x1, float y1, float x2, float y2, float thickness, Color color) =>
        _calls.Add(new LineCall(x1, y1, x2, y2, thickness, color));

    /// <inheritdoc />
    public void FillTriangle(float x1, float y1, float x2, float y2, float x3, float y3, Color color) =>
        _calls.Add(new FillTriangleCall(x1, y1, x2, y2, x3, y3, color));

    /// <inheritdoc />
    public void Text(string text, float x, float y, float size, Color color) =>
        _calls.Add(new TextCall(text, x, y, size, color));

    /// <inheritdoc />
    public float MeasureText(string text, float size) => 0.6f * size * text.Length;
}
