using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The learning curve as the window draws it: each episode's return as a faint point (with more episodes than
/// pixel columns, one faint point per column and distinct height, darker where more episodes fall), the rolling
/// mean over a window it names, episode ticks on x, round ticks on robust y limits (<see cref="CurveLimits"/>), the
/// env's reward threshold and the greedy evaluations as dashed lines (an evaluation outside the limits is drawn as an
/// open circle on the edge), and a legend.
/// </summary>
public static class LearningCurveView
{
    /// <summary>The colour of the threshold line.</summary>
    public static readonly Color ThresholdColor = new(40, 150, 60);

    /// <summary>The colour of the greedy evaluations.</summary>
    public static readonly Color EvaluationColor = new(235, 120, 20);

    /// <summary>Draws the curve inside <paramref name="plot"/> (axes labels go just outside it).</summary>
    public static void Draw(ICanvas canvas, Rect plot, ReadOnlySpan<double> returns, int window, double? threshold,
        ReadOnlySpan<double> evalEpisodes, ReadOnlySpan<double> evalReturns)
    {
        canvas.FillRectangle(plot, Palette.Panel);
        int n = returns.Length;
        int w = CurveLimits.RollingWindow(n, window);
        var mustShow = new List<double>();
        if (n > 0)
        {
            mustShow.Add(returns[^1]);
            mustShow.Add(Mean(returns, n, w));
        }
        if (threshold is { } t) mustShow.Add(t);
        // Only the latest evaluation must show: an early greedy policy that never ends an episode (CliffWalking's
        // −100,000 at the step cap) would otherwise flatten the whole curve. Older ones outside sit on the edge.
        if (evalReturns.Length > 0) mustShow.Add(evalReturns[^1]);
        var (low, high) = CurveLimits.Of(returns, mustShow);
        double xMax = Math.Max(1, n);
        float X(double episode) => plot.X + (float)((episode - 1) / Math.Max(1, xMax - 1)) * plot.Width;
        float Y(double v) => plot.Bottom - (float)((v - low) / (high - low)) * plot.Height;
        bool Inside(double v) => v >= low && v <= high;

        // Before the first return there is nothing to scale: no y ticks, only the note below.
        foreach (var tick in n == 0 ? Array.Empty<double>() : AxisTicks.Between(low, high, 4))
        {
            float y = Y(tick);
            canvas.Line(plot.X, y, plot.Right, y, 1, Palette.Faint);
            string label = AxisTicks.Format(tick);
            canvas.Text(label, plot.X - 6 - canvas.MeasureText(label, 13), y - 8, 13, Palette.Muted);
        }
        foreach (var tick in AxisTicks.Between(1, xMax, 4))
        {
            if (tick < 1 || tick != Math.Floor(tick)) continue;
            float x = X(tick);
            canvas.Line(x, plot.Bottom, x, plot.Bottom + 4, 1, Palette.Muted);
            string label = AxisTicks.Format(tick);
            canvas.Text(label, x - canvas.MeasureText(label, 13) / 2, plot.Bottom + 5, 13, Palette.Muted);
        }
        canvas.StrokeRectangle(plot, 1, Palette.Muted);
        if (n == 0)
        {
            canvas.Text("the curve starts when the first episode ends", plot.X + 8, plot.Y + 8, 14, Palette.Muted);
            return;
        }

        int hidden = 0;
        int columns = Math.Max(1, (int)plot.Width);
        if (n <= columns)
        {
            for (int e = 0; e < n; e++)
                if (Inside(returns[e])) canvas.FillCircle(X(e + 1), Y(returns[e]), 2f, Palette.RawCurve);
                else hidden++;
        }
        else
        {
            var counts = new Dictionary<int, int>();
            for (int c = 0; c < columns; c++)
            {
                int from = (int)((long)c * n / columns), to = (int)((long)(c + 1) * n / columns);
                counts.Clear();
                for (int e = from; e < to; e++)
                {
                    if (!Inside(returns[e])) { hidden++; continue; }
                    int y = (int)Y(returns[e]);
                    counts[y] = counts.GetValueOrDefault(y) + 1;
                }
                float x = plot.X + c + 0.5f;
                foreach (var (y, count) in counts)
                {
                    double share = count / (double)Math.Max(1, to - from);
                    var color = Color.Lerp(Palette.Panel, Palette.RawCurve, (float)(0.35 + 0.65 * share));
                    canvas.FillRectangle(new Rect(x - 0.5f, y - 1, 1.5f, 2.5f), color);
                }
            }
        }

        if (threshold is { } line && Inside(line))
        {
            float y = Y(line);
            Dashes.Line(canvas, plot.X, y, plot.Right, y, 1.5f, ThresholdColor);
        }
        if (evalReturns.Length > 0)
        {
            float px = 0, py = 0;
            for (int i = 0; i < evalReturns.Length; i++)
            {
                float x = X(evalEpisodes[i]), y = Y(Math.Clamp(evalReturns[i], low, high));
                if (i > 0) Dashes.Line(canvas, px, py, x, y, 2, EvaluationColor, 6, 4);
                if (Inside(evalReturns[i])) canvas.FillCircle(x, y, 3.5f, EvaluationColor);
                else canvas.StrokeCircle(x, y, 4.5f, 1.5f, EvaluationColor);
                (px, py) = (x, y);
            }
        }

        int points = Math.Min(n, columns);
        float prevX = 0, prevY = 0;
        for (int i = 0; i < points; i++)
        {
            int to = (int)((long)(i + 1) * n / points);
            float x = X(to), y = Y(Math.Clamp(Mean(returns, to, w), low, high));
            if (i > 0) canvas.Line(prevX, prevY, x, y, 2.5f, Palette.AverageCurve);
            else if (points == 1) canvas.FillCircle(x, y, 3, Palette.AverageCurve);
            (prevX, prevY) = (x, y);
        }
        int hiddenEvaluations = 0;
        foreach (var e in evalReturns) if (!Inside(e)) hiddenEvaluations++;
        var outside = new List<string>();
        if (hidden > 0) outside.Add($"{hidden:N0} return{(hidden == 1 ? "" : "s")}");
        if (hiddenEvaluations > 0) outside.Add($"{hiddenEvaluations:N0} evaluation{(hiddenEvaluations == 1 ? "" : "s")} (open circles)");
        if (outside.Count > 0)
            canvas.Text($"{string.Join(" and ", outside)} outside the range shown", plot.X + 6, plot.Y + 4, 12, Palette.Muted);

        // Legend, below the x tick labels.
        float ly = plot.Bottom + 24, lx = plot.X;
        lx = Legend(canvas, lx, ly, "return", Palette.RawCurve, dot: true);
        lx = Legend(canvas, lx, ly, w == 1 ? "each episode" : $"mean of last {w}", Palette.AverageCurve, dot: false);
        if (threshold is { } th) lx = Legend(canvas, lx, ly, $"threshold {AxisTicks.Format(th)}", ThresholdColor, dot: false, dashed: true);
        if (evalReturns.Length > 0) Legend(canvas, lx, ly, "greedy evaluation", EvaluationColor, dot: false, dashed: true);
    }

    private static float Legend(ICanvas canvas, float x, float y, string text, Color color, bool dot, bool dashed = false)
    {
        if (dot) canvas.FillCircle(x + 6, y + 8, 3, color);
        else if (dashed) Dashes.Line(canvas, x, y + 8, x + 18, y + 8, 2, color, 5, 3);
        else canvas.Line(x, y + 8, x + 18, y + 8, 2.5f, color);
        canvas.Text(text, x + 22, y, 13, Palette.Ink);
        return x + 22 + canvas.MeasureText(text, 13) + 14;
    }

    /// <summary>Mean of the up to <paramref name="window"/> returns before index <paramref name="end"/>.</summary>
    public static double Mean(ReadOnlySpan<double> returns, int end, int window)
    {
        int start = Math.Max(0, end - window);
        double sum = 0;
        for (int i = start; i < end; i++) sum += returns[i];
        return end > start ? sum / (end - start) : double.NaN;
    }
}
