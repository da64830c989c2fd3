using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Pendulum drawn as Gymnasium draws it: a rod of length 1 about a fixed axle, θ = 0 upright and θ growing
/// counter-clockwise, with the last torque as a curved arrow around the axle. Observation: [cos θ, sin θ, θ̇].
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

    /// <summary>The largest torque (Gymnasium's <c>max_torque</c>); the arrow's sweep is proportional to |u| / 2.</summary>
    public const float MaxTorque = 2f;

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var obs = snapshot.Observation;
        if (obs.Length < 2) return;
        var (ax, ay, tx, ty, scale) = Geometry(area, obs);
        float width = Math.Max(3, scale * 0.2f);
        if (snapshot.LastContinuousAction is [var torque, ..] && torque != 0) DrawTorque(canvas, ax, ay, scale * 0.55f, torque);
        canvas.Line(ax, ay, tx, ty, width, Palette.Agent);
        canvas.FillCircle(tx, ty, width / 2, Palette.Agent);
        canvas.FillCircle(ax, ay, width * 0.25f, Palette.Ink);
        if (obs.Length >= 3)
            canvas.Text($"angular velocity {obs[2]:0.00}", area.X + 8, area.Bottom - 22, 16, Palette.Muted);
    }

    /// <summary>The colour of the torque arrow.</summary>
    public static readonly Color TorqueColor = new(40, 40, 40);

    /// <summary>
    /// The torque as Gymnasium shows it: an arc around the axle whose length grows with |u| and whose head points
    /// the way the torque turns (counter-clockwise for u &gt; 0).
    /// </summary>
    public static void DrawTorque(ICanvas canvas, float ax, float ay, float radius, float torque)
    {
        float sweep = Math.Clamp(Math.Abs(torque) / MaxTorque, 0, 1) * MathF.PI * 1.2f;
        float sign = torque > 0 ? 1 : -1;
        // Screen angles, y down: counter-clockwise on screen is decreasing angle. Start at the bottom of the axle.
        float start = MathF.PI / 2;
        const int Segments = 24;
        float px = ax + MathF.Cos(start) * radius, py = ay + MathF.Sin(start) * radius;
        for (int i = 1; i <= Segments; i++)
        {
            float a = start - sign * sweep * i / Segments;
            float qx = ax + MathF.Cos(a) * radius, qy = ay + MathF.Sin(a) * radius;
            canvas.Line(px, py, qx, qy, Math.Max(2, radius * 0.06f), TorqueColor);
            (px, py) = (qx, qy);
        }
        float end = start - sign * sweep;
        // The head: tangent to the arc in the direction of travel.
        float tx = MathF.Sin(end) * sign, ty = -MathF.Cos(end) * sign;
        float head = Math.Max(6, radius * 0.18f);
        float nx = MathF.Cos(end), ny = MathF.Sin(end);
        canvas.FillTriangle(px + tx * head, py + ty * head, px + nx * head * 0.6f, py + ny * head * 0.6f, px - nx * head * 0.6f, py - ny * head * 0.6f, TorqueColor);
    }
}
