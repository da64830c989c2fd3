using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// CartPole drawn as Gymnasium draws it: the visible track spans x ∈ [−2.4, 2.4] (world width 4.8, the
/// termination bounds), the cart sits at its position x, and the pole, one unit long (twice the half-length
/// 0.5), leans by θ from upright, to the right when θ &gt; 0. Observation: [x, ẋ, θ, θ̇].
/// </summary>
public sealed class CartPoleScene : IScene
{
    /// <summary>Half the width of the world on screen (Gymnasium's <c>x_threshold</c>).</summary>
    public const float XThreshold = 2.4f;

    /// <summary>The cart's colour, distinct from everything else in the scene.</summary>
    public static readonly Color CartColor = Palette.Ink;

    /// <summary>Where the cart's centre and the pole's tip are drawn for an observation, and the scale in px per unit.</summary>
    public static (float CartX, float TrackY, float TipX, float TipY, float Scale) Geometry(Rect area, float x, float theta)
    {
        var frame = area.Fit(1.5f);
        float scale = frame.Width / (2 * XThreshold);
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

        canvas.Line(frame.X, trackY, frame.Right, trackY, 2, Palette.Ground);
        canvas.FillRectangle(new Rect(cartX - cartW / 2, trackY - cartH, cartW, cartH), CartColor);
        canvas.Line(cartX, pivotY, tipX, tipY, Math.Max(2, scale * 0.08f), Palette.Pole);
        canvas.FillCircle(cartX, pivotY, Math.Max(2, scale * 0.04f), Palette.Axle);
    }
}
