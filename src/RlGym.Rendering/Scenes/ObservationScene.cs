using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// For environments without a picture of their own: the observation as one labelled bar per element, and
/// the agent's action values when it has them.
/// </summary>
public sealed class ObservationScene : IScene
{
    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var inner = area.Inset(16);
        float y = inner.Y;
        canvas.Text(snapshot.EnvId, inner.X, y, 18, Palette.Ink);
        y += 30;
        y = Bars(canvas, inner, y, "observation", Array.ConvertAll(snapshot.Observation, v => (double)v));
        if (snapshot.ActionValues is { } q) Bars(canvas, inner, y + 12, "Q(s, a)", q);
    }

    private static float Bars(ICanvas canvas, Rect inner, float y, string title, double[] values)
    {
        canvas.Text(title, inner.X, y, 14, Palette.Muted);
        y += 20;
        double extent = 1e-9;
        foreach (var v in values) extent = Math.Max(extent, Math.Abs(v));
        float mid = inner.X + inner.Width / 2, half = inner.Width / 2 - 60;
        for (int i = 0; i < values.Length && y + 16 < inner.Bottom; i++, y += 20)
        {
            float w = (float)(values[i] / extent) * half;
            canvas.FillRectangle(new Rect(Math.Min(mid, mid + w), y, Math.Abs(w), 14), Palette.AverageCurve);
            canvas.Text($"{values[i]:0.###}", inner.X, y, 13, Palette.Ink);
        }
        return y;
    }
}
