using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The environment on the left and the dashboard on the right, on one background: what the window shows and
/// what frames and videos record.
/// </summary>
/// <param name="environment">The environment's scene.</param>
/// <param name="dashboard">The dashboard, or null to give the environment the whole frame.</param>
/// <param name="environmentShare">The fraction of the width the environment takes.</param>
public sealed class Layout(IScene environment, IScene? dashboard, float environmentShare = 0.5f) : IScene
{
    /// <summary>The environment's scene.</summary>
    public IScene Environment { get; } = environment;

    /// <summary>The dashboard, if any.</summary>
    public IScene? Dashboard { get; } = dashboard;

    /// <summary>The two areas of a canvas: environment, then dashboard (empty when there is none).</summary>
    public (Rect Environment, Rect Dashboard) Split(Rect area) => Dashboard is null
        ? (area, new Rect(area.Right, area.Y, 0, area.Height))
        : (new Rect(area.X, area.Y, area.Width * environmentShare, area.Height),
           new Rect(area.X + area.Width * environmentShare, area.Y, area.Width * (1 - environmentShare), area.Height));

    /// <summary>Draws the whole canvas.</summary>
    public void Draw(ICanvas canvas, FrameSnapshot snapshot, ViewState view)
    {
        canvas.Clear(Palette.Background);
        Draw(canvas, new Rect(0, 0, canvas.Width, canvas.Height), snapshot, view);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var (left, right) = Split(area);
        Environment.Draw(canvas, left, snapshot, view);
        Dashboard?.Draw(canvas, right, snapshot, view);
    }
}
