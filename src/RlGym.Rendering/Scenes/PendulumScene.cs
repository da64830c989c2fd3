using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Pendulum drawn as Gymnasium draws it: a rod of length 1 about a fixed axle, θ = 0 upright and θ growing
/// counter-clockwise. Observation: [cos θ, sin θ, θ̇].
/// </summary>
public sealed class PendulumScene : IScene
{
    /// <summary>Axle and rod tip in screen coordinates.</summary>
    public static (float Ax, float Ay, float Tx, float Ty, float Scale) Geometry(Rect area, ReadOnlySpan<float> obs)
    {
        float theta = MathF.Atan2(obs[1], obs[0]);
        var frame = area.Fit(1f);
        float scale = frame.Width / (2 * 2.2f);
        float ax = frame.CenterX, ay = frame.CenterY;
        // Counter-clockwise from upright: the tip goes left as θ grows; screen y points down.
        return (ax, ay, ax - MathF.Sin(theta) * scale, ay - MathF.Cos(theta) * scale, scale);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var obs = snapshot.Observation;
        if (obs.Length < 2) return;
        var (ax, ay, tx, ty, scale) = Geometry(area, obs);
        float width = Math.Max(3, scale * 0.2f);
        canvas.Line(ax, ay, tx, ty, width, Palette.Agent);
        canvas.FillCircle(tx, ty, width / 2, Palette.Agent);
        canvas.FillCircle(ax, ay, width * 0.25f, Palette.Ink);
        if (obs.Length >= 3)
            canvas.Text($"angular velocity {obs[2]:0.00}", area.X + 8, area.Bottom - 22, 16, Palette.Muted);
    }
}
