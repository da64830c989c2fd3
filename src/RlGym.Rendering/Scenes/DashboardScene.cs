using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The numbers of a run: episode, step, exploration rate, steps per second, the pace, and the learning curve
/// (return of every episode, light, and its trailing moving average, dark). With more episodes than pixel
/// columns, each column shows the spread of its episodes' returns.
/// </summary>
/// <param name="window">Episodes in the moving average (100, as Gymnasium's solved criteria use).</param>
public sealed class DashboardScene(int window = 100) : IScene
{
    private const float Line = 22, TextSize = 18;

    /// <summary>Episodes averaged by the dark curve.</summary>
    public int Window { get; } = window >= 1 ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window needs at least one episode.");

    /// <summary>Where the curve is plotted inside <paramref name="area"/>.</summary>
    public static Rect PlotArea(Rect area)
    {
        var inner = area.Inset(12);
        float top = inner.Y + 4 * Line + 8;
        return new Rect(inner.X + 56, top, Math.Max(1, inner.Width - 64), Math.Max(1, inner.Bottom - top - 24));
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        canvas.FillRectangle(area, Palette.Panel);
        var inner = area.Inset(12);
        var returns = snapshot.Returns.Span;
        float y = inner.Y;
        canvas.Text($"Episode {snapshot.Episode:N0}    Step {snapshot.Step:N0}", inner.X, y, TextSize, Palette.Ink);
        y += Line;
        string epsilon = double.IsNaN(snapshot.ExplorationRate) ? "-" : snapshot.ExplorationRate.ToString("0.000");
        string speed = double.IsNaN(snapshot.StepsPerSecond) ? "-" : snapshot.StepsPerSecond.ToString("N0");
        canvas.Text($"Exploration {epsilon}    {speed} steps/s", inner.X, y, TextSize, Palette.Ink);
        y += Line;
        if (returns.Length > 0)
        {
            double last = returns[^1], average = TrailingMean(returns, returns.Length, Window);
            canvas.Text($"Return {last:0.##}    mean of last {Math.Min(Window, returns.Length)}: {average:0.##}", inner.X, y, TextSize, Palette.Ink);
        }
        y += Line;
        string status = (view.Paused ? "PAUSED  " : "") + view.Speed;
        if (snapshot.ActionValues is { Length: > 0 } q && q.Length <= 8)
            status += (status.Length > 0 ? "    " : "") + "Q(s,a) " + string.Join("  ", q.Select(v => v.ToString("0.##")));
        canvas.Text(status.Length > 0 ? status : " ", inner.X, y, TextSize, view.Paused ? Palette.Agent : Palette.Muted);

        var plot = PlotArea(area);
        canvas.StrokeRectangle(plot, 1, Palette.Muted);
        if (returns.Length == 0)
        {
            canvas.Text("no finished episode yet", plot.X + 8, plot.Y + 8, 14, Palette.Muted);
            return;
        }
        DrawCurve(canvas, plot, returns);
    }

    private void DrawCurve(ICanvas canvas, Rect plot, ReadOnlySpan<double> returns)
    {
        int n = returns.Length;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var r in returns) { low = Math.Min(low, r); high = Math.Max(high, r); }
        if (!(high > low)) { low -= 1; high += 1; }
        float Y(double v) => plot.Bottom - 2 - (float)((v - low) / (high - low)) * (plot.Height - 4);

        canvas.Text(high.ToString("0.##"), plot.X - 52, plot.Y - 2, 13, Palette.Muted);
        canvas.Text(low.ToString("0.##"), plot.X - 52, plot.Bottom - 14, 13, Palette.Muted);
        canvas.Text("return per episode", plot.X, plot.Bottom + 4, 13, Palette.Muted);

        int columns = Math.Max(1, (int)plot.Width - 4);
        int points = Math.Min(n, columns);
        float prevX = 0, prevY = 0;
        for (int i = 0; i < points; i++)
        {
            // Point i covers episodes [from, to); with fewer episodes than columns it is one episode.
            int from = (int)((long)i * n / points), to = (int)((long)(i + 1) * n / points);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int e = from; e < to; e++) { lo = Math.Min(lo, returns[e]); hi = Math.Max(hi, returns[e]); }
            float x = points == 1 ? plot.CenterX : plot.X + 2 + i * (plot.Width - 4) / (points - 1);
            if (hi > lo) canvas.Line(x, Y(lo), x, Y(hi), 1, Palette.RawCurve);
            else canvas.FillCircle(x, Y(lo), 1.5f, Palette.RawCurve);
            float averageY = Y(TrailingMean(returns, to, Window));
            if (i > 0) canvas.Line(prevX, prevY, x, averageY, 2.5f, Palette.AverageCurve);
            (prevX, prevY) = (x, averageY);
        }
    }

    /// <summary>Mean of the up to <paramref name="window"/> returns before index <paramref name="end"/>.</summary>
    public static double TrailingMean(ReadOnlySpan<double> returns, int end, int window)
    {
        int start = Math.Max(0, end - window);
        double sum = 0;
        for (int i = start; i < end; i++) sum += returns[i];
        return end > start ? sum / (end - start) : double.NaN;
    }
}
