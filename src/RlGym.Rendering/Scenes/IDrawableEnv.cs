using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Implement this on your own environment to draw it in the window, in <c>rlgym render</c> pictures and in recorded
/// videos, with the same <see cref="ICanvas"/> the built-in scenes use. <see cref="Draw"/> is called on the
/// trainer's thread between steps (the environment is not stepped meanwhile) onto a recording canvas of
/// <see cref="DrawingWidth"/>×<see cref="DrawingHeight"/> pixels; the window replays the drawing scaled to fit.
/// </summary>
/// <example>
/// <code>
/// public void Draw(ICanvas canvas, Rect area)
/// {
///     canvas.FillRectangle(area, Palette.Floor);
///     canvas.FillCircle(area.X + _position * area.Width, area.CenterY, 20, Palette.Agent);
/// }
/// </code>
/// </example>
public interface IDrawableEnv
{
    /// <summary>Width of the canvas <see cref="Draw"/> draws on (its aspect is kept on screen).</summary>
    int DrawingWidth => 600;

    /// <summary>Height of the canvas <see cref="Draw"/> draws on.</summary>
    int DrawingHeight => 600;

    /// <summary>Draws the environment's current state inside <paramref name="area"/>.</summary>
    void Draw(ICanvas canvas, Rect area);
}
