using System.Globalization;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The scene of an environment that draws itself (<see cref="IDrawableEnv"/>): its drawing, recorded on the
/// trainer's thread, scaled to fit and centred, with the last action and reward underneath.
/// </summary>
public sealed class DrawableEnvScene : IScene
{
    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var picture = new Rect(area.X, area.Y, area.Width, Math.Max(1, area.Height - 34)).Inset(8);
        snapshot.Sketch?.DrawInto(canvas, picture);
        string last = snapshot.LastAction.Length == 0 ? "no action yet in this episode"
            : $"last action {snapshot.LastAction}, reward {snapshot.LastReward.ToString("0.###", CultureInfo.InvariantCulture)}";
        canvas.Text(last, area.X + 12, area.Bottom - 28, 15, Palette.Ink);
    }
}
