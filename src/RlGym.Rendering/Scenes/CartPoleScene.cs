using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// CartPole drawn as Gymnasium draws it: the track spans x ∈ [−2.4, 2.4] (the termination bounds), the cart sits
/// at its position x, and the pole, one unit long (twice the half-length 0.5), leans by θ from upright, to the
/// right when θ &gt; 0. Unlike Gymnasium, a shaded margin of <see cref="Margin"/> on each side keeps a cart at the
/// bounds whole inside the frame (the dashboard sits right beside it). Observation: [x, ẋ, θ, θ̇].
/// </summary>
public sealed class CartPoleScene : IScene
{
    /// <summary>Half the width of the world on screen (Gymnasium's <c>x_threshold</c>).</summary>
    public const float XThreshold = 2.4f;

    /// <summary>World units shown beyond each bound: half the cart (0.2) and a leaning pole's reach fit.</summary>
    public const float Margin = 0.3f;

    /// <summary>The shade of the margins past the termination bounds.</summary>
    public static readonly Color OutOfBounds = Color.Lerp(Palette.Background, Palette.Hazard, 0.1f);

    /// <summary>The cart's colour, distinct from everything else in the scene.</summary>
    public static readonly Color CartColor = Palette.Ink;

    /// <summary>Where the cart's centre and the pole's tip are drawn for an observation, and the scale in px per unit.</summary>
    public static (float CartX, float TrackY, float TipX, float TipY, float Scale) Geometry(Rect area, float x, float theta)
    {
        var frame = area.Fit(1.5f);
        float scale = frame.Width / (2 * (XThreshold + Margin));
        float cartX = frame.CenterX + x * scale;
        float trackY = frame.Bottom - frame.Height * 0.25f;
        float pivotY = trackY - scale * 0.24f * 0.75f;
        float poleLength = scale * 1.0f;
        return (cartX, trackY, cartX + MathF.Sin(theta) * poleLength, pivotY - MathF.Cos(theta) * poleLength, scale);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var obs = snapshot.Observation;
        if (obs.Length < 3) return;
        var (cartX, trackY, tipX, tipY, scale) = Geometry(area, obs[0], obs[2]);
        var frame = area.Fit(1.5f);
        float cartW = scale * 0.4f, cartH = scale * 0.24f;
        float pivotY = trackY - cartH * 0.75f;

        // The margins beyond ±2.4 are shaded: a cart whose centre enters them has ended its episode.
        float leftBound = frame.CenterX - XThreshold * scale, rightBound = frame.CenterX + XThreshold * scale;
        canvas.FillRectangle(new Rect(frame.X, frame.Y, leftBound - frame.X, frame.Height), OutOfBounds);
        canvas.FillRectangle(new Rect(rightBound, frame.Y, frame.Right - rightBound, frame.Height), OutOfBounds);
        canvas.Line(leftBound, trackY, rightBound, trackY, 2, Palette.Ground);
        canvas.FillRectangle(new Rect(cartX - cartW / 2, trackY - cartH, cartW, cartH), CartColor);
        canvas.Line(cartX, pivotY, tipX, tipY, Math.Max(2, scale * 0.08f), Palette.Pole);
        canvas.FillCircle(cartX, pivotY, Math.Max(2, scale * 0.04f), Palette.Axle);
    }
}
