using System.Globalization;
using RlGym.Core.Agents;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The generic scene, for any environment without a picture of its own (plugin envs among them): a Box
/// observation as one labelled bar per element (x[0], x[1], …, scaled to the largest magnitude), a Discrete one as
/// a row of cells with the current index highlighted, the last action and reward, and the agent's numbers per
/// action when it has them.
/// </summary>
public sealed class ObservationScene : IScene
{
    /// <summary>The colour of the highlighted discrete observation.</summary>
    public static readonly Color Highlight = Palette.Agent;

    /// <summary>Discrete observations drawn as cells (more are shown as "state k of n").</summary>
    public const int MaxCells = 64;

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        var inner = area.Inset(16);
        float y = inner.Y;
        canvas.Text(snapshot.EnvId.Length > 0 ? snapshot.EnvId : "environment", inner.X, y, 20, Palette.Ink);
        y += 32;
        if (snapshot.DiscreteObservation >= 0) y = DiscreteCells(canvas, inner, y, snapshot.DiscreteObservation, snapshot.DiscreteCount);
        else y = Bars(canvas, inner, y, "observation", Array.ConvertAll(snapshot.Observation, v => (double)v), i => $"x[{i}]");
        y += 10;
        string last = snapshot.LastAction.Length == 0 ? "no action yet in this episode"
            : $"last action {snapshot.LastAction}, reward {snapshot.LastReward.ToString("0.###", CultureInfo.InvariantCulture)}";
        canvas.Text(last, inner.X, y, 16, Palette.Ink);
        y += 30;
        if (snapshot.ActionValues is { } q && y + 40 < inner.Bottom)
            Bars(canvas, inner, y, snapshot.ValueKind == ActionValueKind.Probabilities ? "π(a|s)" : "Q(s,a)", q,
                a => a < snapshot.ActionLabels.Count ? snapshot.ActionLabels[a] : $"a={a}");
    }

    private static float DiscreteCells(ICanvas canvas, Rect inner, float y, int index, int count)
    {
        canvas.Text($"observation: state {index} of {count} (0 … {Math.Max(0, count - 1)})", inner.X, y, 15, Palette.Muted);
        y += 24;
        if (count <= 0 || count > MaxCells) return y;
        int perRow = Math.Min(count, 16);
        float size = Math.Min(36, inner.Width / perRow);
        for (int i = 0; i < count; i++)
        {
            var cell = new Rect(inner.X + i % perRow * size, y + i / perRow * size, size - 2, size - 2);
            canvas.FillRectangle(cell, i == index ? Highlight : Palette.Floor);
            canvas.StrokeRectangle(cell, 1, Palette.GridLine);
            string label = i.ToString(CultureInfo.InvariantCulture);
            canvas.Text(label, cell.CenterX - canvas.MeasureText(label, size * 0.38f) / 2, cell.CenterY - size * 0.24f, size * 0.38f, i == index ? Palette.Arrow : Palette.Ink);
        }
        return y + (count + perRow - 1) / perRow * size + 4;
    }

    private static float Bars(ICanvas canvas, Rect inner, float y, string title, double[] values, Func<int, string> label)
    {
        canvas.Text(title, inner.X, y, 15, Palette.Muted);
        y += 22;
        double extent = 1e-9;
        foreach (var v in values) extent = Math.Max(extent, Math.Abs(v));
        float labelWidth = 70, mid = inner.X + labelWidth + (inner.Width - labelWidth) / 2, half = (inner.Width - labelWidth) / 2 - 64;
        canvas.Line(mid, y, mid, y + Math.Min(values.Length, 16) * 22, 1, Palette.Muted);
        for (int i = 0; i < values.Length && y + 18 < inner.Bottom; i++, y += 22)
        {
            float w = (float)(values[i] / extent) * half;
            canvas.FillRectangle(new Rect(Math.Min(mid, mid + w), y + 2, Math.Abs(w), 15), Palette.AverageCurve);
            canvas.Text(label(i), inner.X, y, 14, Palette.Ink);
            string text = values[i].ToString("0.###", CultureInfo.InvariantCulture);
            canvas.Text(text, w >= 0 ? mid + w + 4 : mid + w - 4 - canvas.MeasureText(text, 14), y, 14, Palette.Ink);
        }
        return y;
    }
}
