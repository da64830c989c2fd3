using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class DashboardSceneTests
{
    private const int W = 600, H = 500;
    private static readonly float PlotHeight = DashboardScene.PlotArea(new Rect(0, 0, W, H)).Height;

    private static FrameSnapshot WithReturns(Func<int, double> returnOf, int episodes) => new()
    {
        Returns = Enumerable.Range(0, episodes).Select(returnOf).ToArray(),
        Episode = episodes,
        Step = 12345,
        ExplorationRate = 0.1,
        StepsPerSecond = 2500,
    };

    private static (double Left, double Right) CurveHeights(FrameSnapshot snapshot)
    {
        using var canvas = Pixels.Render(new DashboardScene(window: 10), snapshot, W, H);
        var plot = DashboardScene.PlotArea(new Rect(0, 0, W, H));
        var curve = Pixels.Find(canvas, Palette.AverageCurve, 20, plot);
        double tenth = plot.Width / 10;
        var left = curve.Where(p => p.X < plot.X + tenth).ToList();
        var right = curve.Where(p => p.X > plot.Right - tenth).ToList();
        Assert.NotEmpty(left);
        Assert.NotEmpty(right);
        return (left.Average(p => p.Y), right.Average(p => p.Y));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(3000)] // more episodes than pixel columns
    public void The_curve_goes_up_for_rising_returns(int episodes)
    {
        var (left, right) = CurveHeights(WithReturns(e => e + 5 * Math.Sin(e), episodes));
        // Screen y points down: a rising curve ends higher, i.e. at a smaller y, by most of the plot's height.
        Assert.True(left - right > 0.6 * PlotHeight, $"left {left:0}, right {right:0}");
    }

    [Fact]
    public void The_curve_goes_down_for_falling_returns()
    {
        var (left, right) = CurveHeights(WithReturns(e => -e, 200));
        Assert.True(right - left > 0.6 * PlotHeight, $"left {left:0}, right {right:0}");
    }

    [Fact]
    public void The_dashboard_writes_episode_step_exploration_and_speed()
    {
        var recording = new RecordingCanvas(W, H);
        new DashboardScene().Draw(recording, new Rect(0, 0, W, H), WithReturns(e => e, 20), new ViewState(true, true, "turbo"));
        var texts = recording.CallsOf<TextCall>().Select(t => t.Text).ToList();
        Assert.Contains(texts, t => t.Contains("Episode 21") && t.Contains("step 12,345") && t.Contains("2,500 steps/s"));
        Assert.Contains(texts, t => t.Contains("exploration ε 0.100"));
        // 20 episodes: the rolling mean is over a tenth of them (2), and says so.
        Assert.Contains(texts, t => t.Contains("mean of last 2: 18.5"));
        Assert.Contains(texts, t => t.Contains("PAUSED"));
    }

    [Fact]
    public void An_early_outlier_does_not_flatten_the_curve()
    {
        // CliffWalking: one −1,853 among returns near −20 to −100.
        var returns = Enumerable.Range(0, 500).Select(e => e == 3 ? -1853.0 : -100 + Math.Min(80, e * 0.4)).ToArray();
        var (low, high) = CurveLimits.Of(returns, [returns[^1]]);
        Assert.True(low > -200, $"low {low}");
        Assert.True(high >= -20, $"high {high}");
    }

    [Theory]
    [InlineData(72, 100, 7)]
    [InlineData(5, 100, 1)]
    [InlineData(3000, 100, 100)]
    public void The_rolling_window_of_a_short_run_is_a_tenth_of_it(int episodes, int window, int expected) =>
        Assert.Equal(expected, CurveLimits.RollingWindow(episodes, window));

    [Fact]
    public void Trailing_mean_averages_the_last_window_episodes()
    {
        double[] r = [1, 2, 3, 4, 5];
        Assert.Equal(4.5, DashboardScene.TrailingMean(r, 5, 2));
        Assert.Equal(2, DashboardScene.TrailingMean(r, 3, 100));
    }

    [Fact]
    public void Layout_puts_the_environment_left_and_the_dashboard_right()
    {
        var layout = SceneCatalog.WithDashboard(new CartPoleScene());
        var (env, dash) = layout.Split(new Rect(0, 0, 1200, 600));
        Assert.Equal(new Rect(0, 0, 600, 600), env);
        Assert.Equal(new Rect(600, 0, 600, 600), dash);
        var recording = new RecordingCanvas(1200, 600);
        layout.Draw(recording, new FrameSnapshot { Observation = [0, 0, 0, 0] }, ViewState.Default);
        Assert.IsType<ClearCall>(recording.Calls[0]);
        var cart = recording.CallsOf<FillRectangleCall>().First(c => c.Color == CartPoleScene.CartColor);
        Assert.True(cart.Rect.Right < 600);
        Assert.Contains(recording.CallsOf<FillRectangleCall>(), c => c.Color == Palette.Panel && c.Rect.X == 600);
    }

    [Fact]
    public void An_early_evaluation_at_the_step_cap_does_not_flatten_the_curve_and_is_marked_outside()
    {
        // CliffWalking: returns rising from −100 to −13 while the first greedy evaluations end at the step cap (−100,000).
        var snapshot = new FrameSnapshot
        {
            Returns = Enumerable.Range(0, 300).Select(e => -100 + 87.0 * e / 299).ToArray(),
            Episode = 300,
            EvaluationEpisodes = new double[] { 50, 100, 150, 200, 250, 300 },
            EvaluationReturns = new double[] { -100_000, -100_000, -100_000, -100_000, -100_000, -13 },
        };
        var (left, right) = CurveHeights(snapshot);
        Assert.True(left - right > 0.6 * PlotHeight, $"left {left:0}, right {right:0}");
        var recording = new RecordingCanvas(W, H);
        new DashboardScene(window: 10).Draw(recording, new Rect(0, 0, W, H), snapshot, ViewState.Default);
        Assert.Equal(5, recording.CallsOf<StrokeCircleCall>().Count(c => c.Color == LearningCurveView.EvaluationColor));
        Assert.Contains(recording.CallsOf<TextCall>(), t => t.Text.Contains("5 evaluations (open circles) outside the range shown"));
    }
}
