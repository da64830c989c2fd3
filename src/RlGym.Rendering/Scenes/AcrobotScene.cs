using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Acrobot drawn as Gymnasium draws it: two links of length 1 hanging from a fixed joint (θ1 = θ2 = 0 hangs
/// straight down), with the target line one link-length above the joint. Observation: [cos θ1, sin θ1, cos θ2,
/// sin θ2, θ̇1, θ̇2]; angles come back through atan2.
/// </summary>
public sealed class AcrobotScene : IScene
{
    /// <summary>Joint, elbow and tip in screen coordinates for the angles of an observation.</summary>
    public static (float Jx, float Jy, float Ex, float Ey, float Tx, float Ty, float Scale) Geometry(Rect area, ReadOnlySpan<float> obs)
    {
        float t1 = MathF.Atan2(obs[1], obs[0]), t2 = MathF.Atan2(obs[3], obs[2]);
        var frame = area.Fit(1f);
        float scale = frame.Width / (2 * 2.2f);
        float jx = frame.CenterX, jy = frame.CenterY;
        // In the world, with y up: elbow = (sin θ1, −cos θ1), tip = elbow + (sin(θ1+θ2), −cos(θ1+θ2)).
        float ex = jx + MathF.Sin(t1) * scale, ey = jy + MathF.Cos(t1) * scale;
        float tx = ex + MathF.Sin(t1 + t2) * scale, ty = ey + MathF.Cos(t1 + t2) * scale;
        return (jx, jy, ex, ey, tx, ty, scale);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var obs = snapshot.Observation;
        if (obs.Length < 4) return;
        var (jx, jy, ex, ey, tx, ty, scale) = Geometry(area, obs);
        var frame = area.Fit(1f);
        canvas.Line(frame.X, jy - scale, frame.Right, jy - scale, 2, Palette.Ground);
        float width = Math.Max(3, scale * 0.2f);
        canvas.Line(jx, jy, ex, ey, width, Palette.AverageCurve);
        canvas.Line(ex, ey, tx, ty, width, Palette.AverageCurve);
        canvas.FillCircle(jx, jy, width * 0.5f, Palette.Flag);
        canvas.FillCircle(ex, ey, width * 0.5f, Palette.Flag);
    }
}
