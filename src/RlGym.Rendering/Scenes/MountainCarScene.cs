using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// MountainCar drawn as Gymnasium draws it: the hill y = 0.45·sin(3x) + 0.55 over x ∈ [−1.2, 0.6], the car on the
/// hill at its position and tilted with the slope, and the flag at the goal x = 0.5, all inside the frame.
/// Observation: [position, velocity] (also MountainCarContinuous).
/// </summary>
public sealed class MountainCarScene : IScene
{
    /// <summary>Leftmost position.</summary>
    public const float MinPosition = -1.2f;
    /// <summary>Rightmost position.</summary>
    public const float MaxPosition = 0.6f;
    /// <summary>Where the flag stands.</summary>
    public const float GoalPosition = 0.5f;

    /// <summary>The hill's height at <paramref name="x"/>.</summary>
    public static float Height(float x) => MathF.Sin(3 * x) * 0.45f + 0.55f;

    /// <summary>The screen point of world position <paramref name="x"/> on the hill.</summary>
    public static (float X, float Y) ToScreen(Rect area, float x, float lift = 0)
    {
        var frame = Frame(area);
        float scale = frame.Width / (MaxPosition - MinPosition + 2 * SideMargin);
        return (frame.X + (x - MinPosition + SideMargin) * scale, frame.Bottom - (Height(x) - Bottom + lift) * scale);
    }

    // The hill spans heights 0.1 to 1.0; the flag stands FlagHeight above the goal. The frame holds both, centred.
    private const float Bottom = 0.05f, Top = 1.0f + FlagHeight + 0.05f;

    /// <summary>The flag pole's height in world units.</summary>
    public const float FlagHeight = 0.2f;

    /// <summary>World units shown left of −1.2 and right of 0.6, so a car at either end stays whole in the frame.</summary>
    public const float SideMargin = 0.15f;

    /// <summary>Pixels per world unit in <paramref name="area"/>.</summary>
    public static float Scale(Rect area) => Frame(area).Width / (MaxPosition - MinPosition + 2 * SideMargin);

    /// <summary>The rectangle the world is drawn in: [−1.35, 0.75] × [0.05, 1.25], centred in <paramref name="area"/>.</summary>
    public static Rect Frame(Rect area) => area.Inset(8).Fit((MaxPosition - MinPosition + 2 * SideMargin) / (Top - Bottom));

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var obs = snapshot.Observation;
        if (obs.Length < 1) return;
        float scale = Scale(area);

        const int Segments = 90;
        var (px, py) = ToScreen(area, MinPosition);
        for (int i = 1; i <= Segments; i++)
        {
            var (qx, qy) = ToScreen(area, MinPosition + (MaxPosition - MinPosition) * i / Segments);
            canvas.Line(px, py, qx, qy, 3, Palette.Ground);
            (px, py) = (qx, qy);
        }

        var (fx, fy) = ToScreen(area, GoalPosition);
        canvas.Line(fx, fy, fx, fy - scale * FlagHeight, 2, Palette.Ground);
        // The flag points left, into the frame (the goal is near the right edge).
        canvas.FillTriangle(fx, fy - scale * FlagHeight, fx, fy - scale * 0.14f, fx - scale * 0.1f, fy - scale * 0.17f, Palette.Flag);

        float pos = Math.Clamp(obs[0], MinPosition, MaxPosition);
        // The slope of the hill, dy/dx = 1.35·cos(3x), sets the car's tilt.
        float angle = MathF.Atan(1.35f * MathF.Cos(3 * pos));
        float ux = MathF.Cos(angle), uy = -MathF.Sin(angle);
        float nx = -uy, ny = ux;
        var (cx, cy) = ToScreen(area, pos);
        float half = scale * 0.11f, clearance = scale * 0.055f, body = scale * 0.1f;
        float bx = cx - nx * (clearance + body / 2), by = cy - ny * (clearance + body / 2);
        canvas.Line(bx - ux * half, by - uy * half, bx + ux * half, by + uy * half, body, Palette.Agent);
        float wheel = scale * 0.04f;
        canvas.FillCircle(cx - ux * half * 0.6f - nx * wheel, cy - uy * half * 0.6f - ny * wheel, wheel, Palette.Ink);
        canvas.FillCircle(cx + ux * half * 0.6f - nx * wheel, cy + uy * half * 0.6f - ny * wheel, wheel, Palette.Ink);
    }
}
