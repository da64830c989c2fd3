namespace RlGym.Rendering.Drawing;

/// <summary>One call made on a <see cref="RecordingCanvas"/>.</summary>
public abstract record DrawCall;

/// <summary><see cref="ICanvas.Clear"/>.</summary>
public sealed record ClearCall(Color Color) : DrawCall;

/// <summary><see cref="ICanvas.FillRectangle"/>.</summary>
public sealed record FillRectangleCall(Rect Rect, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.StrokeRectangle"/>.</summary>
public sealed record StrokeRectangleCall(Rect Rect, float Thickness, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.FillCircle"/>.</summary>
public sealed record FillCircleCall(float CenterX, float CenterY, float Radius, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.StrokeCircle"/>.</summary>
public sealed record StrokeCircleCall(float CenterX, float CenterY, float Radius, float Thickness, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.Line"/>.</summary>
public sealed record LineCall(float X1, float Y1, float X2, float Y2, float Thickness, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.FillTriangle"/>.</summary>
public sealed record FillTriangleCall(float X1, float Y1, float X2, float Y2, float X3, float Y3, Color Color) : DrawCall;

/// <summary><see cref="ICanvas.Text"/>.</summary>
public sealed record TextCall(string Text, float X, float Y, float Size, Color Color) : DrawCall;
