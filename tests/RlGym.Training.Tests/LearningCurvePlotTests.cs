using RlGym.Training.Metrics;
using RlGym.Training.Plots;
using RlGym.Training.Tests.Support;
using SkiaSharp;

namespace RlGym.Training.Tests;

public sealed class LearningCurvePlotTests
{
    /// <summary>The rows of the rolling-mean line's colour (ScottPlot's navy) left of <paramref name="maxX"/>, which keeps the legend (lower right) out.</summary>
    private static (int Top, int Bottom) MeanLineRows(string png, int maxX)
    {
        using var bitmap = SKBitmap.Decode(png);
        int top = int.MaxValue, bottom = int.MinValue;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < Math.Min(maxX, bitmap.Width); x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red < 40 && p.Green < 40 && p.Blue is > 100 and < 160) (top, bottom) = (Math.Min(top, y), Math.Max(bottom, y));
            }
        Assert.True(top <= bottom, "no rolling-mean pixels found");
        return (top, bottom);
    }

    [Fact]
    public void An_early_greedy_evaluation_at_the_step_cap_does_not_flatten_the_curve()
    {
        // CliffWalking: returns rising from −100 to −13, while the first greedy evaluations never reach the goal and
        // end at the step cap with −100,000.
        using var dir = new TempDirectory();
        var png = dir.File("curve.png");
        var rows = Enumerable.Range(0, 300).Select(i => new EpisodeMetrics(i, i * 20L, -100 + 87.0 * i / 299, 20, 0.1, 0,
            (i + 1) % 50 == 0 ? (i < 250 ? -100_000 : -13) : null));
        LearningCurvePlot.Write(rows, png, 100);
        var (top, bottom) = MeanLineRows(png, 450);
        // The left half of the mean line rises from −100 to about −60 of a −106…−6 range drawn over ~420 px: ~170 px.
        // Scaled to −100,000 it would be a flat line of one or two rows.
        Assert.True(bottom - top > 80, $"the rolling mean spans rows {top}–{bottom}");
    }
}
