namespace RlGym.Rendering.Drawing;

/// <summary>An axis-aligned rectangle in pixels, y pointing down.</summary>
public readonly record struct Rect(float X, float Y, float Width, float Height)
{
    /// <summary>Right edge.</summary>
    public float Right => X + Width;
    /// <summary>Bottom edge.</summary>
    public float Bottom => Y + Height;
    /// <summary>Centre x.</summary>
    public float CenterX => X + Width / 2;
    /// <summary>Centre y.</summary>
    public float CenterY => Y + Height / 2;

    /// <summary>The rectangle shrunk by <paramref name="margin"/> on every side.</summary>
    public Rect Inset(float margin) =>
        new(X + margin, Y + margin, Math.Max(0, Width - 2 * margin), Math.Max(0, Height - 2 * margin));

    /// <summary>The largest rectangle of the given aspect (width / height) centred inside this one.</summary>
    public Rect Fit(float aspect)
    {
        if (Width <= 0 || Height <= 0) return this;
        float w = Width, h = Width / aspect;
        if (h > Height) { h = Height; w = Height * aspect; }
        return new Rect(X + (Width - w) / 2, Y + (Height - h) / 2, w, h);
    }
}
