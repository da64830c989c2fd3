using System.Globalization;
using RlGym.Core.Agents;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// The numbers of a run beside its picture. Training: episode, step, steps per second and the pace; the episode in
/// progress (its step, return so far, last action and reward); the exploration rate when the agent has one; the
/// agent's numbers for the current observation, labelled Q(s,a) or π(a|s) by what they are, one per action label;
/// and the learning curve (<see cref="LearningCurveView"/>). A replay (<c>rlgym watch</c>) shows "replay 2 of 5",
/// the return so far and each finished replay's return instead. The last line lists the keys, or a notice.
/// </summary>
/// <param name="window">Episodes in the rolling mean (100, as Gymnasium's solved criteria use).</param>
public sealed class DashboardScene(int window = 100) : IScene
{
    private const float Line = 24, TextSize = 17, Small = 14;

    /// <summary>Episodes averaged by the dark curve (fewer while a run is short, see <see cref="CurveLimits.RollingWindow"/>).</summary>
    public int Window { get; } = window >= 1 ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window needs at least one episode.");

    /// <summary>The keys, as the last line shows them.</summary>
    public const string KeysHelp = "Space pause · → step · ↑↓ pace · V values · S screenshot · Esc close";

    /// <summary>Where the curve is plotted inside <paramref name="area"/>.</summary>
    public static Rect PlotArea(Rect area)
    {
        var inner = area.Inset(14);
        float top = inner.Y + 6 * Line + 8;
        return new Rect(inner.X + 52, top, Math.Max(1, inner.Width - 60), Math.Max(1, inner.Bottom - top - 70));
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        canvas.FillRectangle(area, Palette.Panel);
        var inner = area.Inset(14);
        var inv = CultureInfo.InvariantCulture;
        float y = inner.Y;
        bool replay = snapshot.ReplayEpisodes is not null;

        // Title line: what this is, and the state of the run at the right.
        string title = replay
            ? $"Greedy replay {Math.Min(snapshot.Episode + (snapshot.Finished ? 0 : 1), snapshot.ReplayEpisodes!.Value)} of {snapshot.ReplayEpisodes}"
            : "Training";
        canvas.Text(title, inner.X, y, 20, Palette.Ink);
        string state = view.Finished || snapshot.Finished
            ? (replay ? "replay finished · Esc closes" : "training finished · Esc closes")
            : view.Paused ? "PAUSED (Space resumes, → steps)" : view.Speed;
        if (state.Length > 0)
            canvas.Text(state, inner.Right - canvas.MeasureText(state, Small + 1), y + 3, Small + 1,
                view.Paused || view.Finished || snapshot.Finished ? Palette.Agent : Palette.Muted);
        y += Line + 6;

        string rate = double.IsNaN(snapshot.StepsPerSecond) ? "" : $"    {snapshot.StepsPerSecond.ToString("N0", inv)} steps/s";
        canvas.Text(replay
            ? $"Episodes finished {snapshot.Episode:N0}    steps {snapshot.Step:N0}"
            : $"Episode {snapshot.Episode + (snapshot.Finished ? 0 : 1):N0}    step {snapshot.Step:N0}{rate}", inner.X, y, TextSize, Palette.Ink);
        y += Line;

        string last = snapshot.LastAction.Length == 0 ? "no action yet"
            : $"last action {snapshot.LastAction}, reward {Format(snapshot.LastReward)}";
        string episode = $"This episode: step {snapshot.EpisodeStep}, return {Format(snapshot.EpisodeReturn)}    {last}";
        canvas.Text(episode, inner.X, y, FittingSize(canvas, episode, inner.Width), Palette.Ink);
        y += Line;

        var returns = snapshot.Returns.Span;
        if (!replay)
        {
            var parts = new List<string>();
            if (!double.IsNaN(snapshot.ExplorationRate)) parts.Add($"exploration ε {snapshot.ExplorationRate.ToString("0.000", inv)}");
            if (returns.Length > 0)
            {
                int w = CurveLimits.RollingWindow(returns.Length, Window);
                parts.Add($"last return {Format(returns[^1])}");
                parts.Add($"mean of last {w}: {Format(LearningCurveView.Mean(returns, returns.Length, w))}");
            }
            if (parts.Count > 0) canvas.Text(string.Join("    ", parts), inner.X, y, TextSize, Palette.Ink);
            y += Line;
        }

        if (snapshot.ActionValues is { Length: > 0 } q)
        {
            string name = snapshot.ValueKind == ActionValueKind.Probabilities ? "π(a|s)" : "Q(s,a)";
            var cells = q.Take(8).Select((v, a) =>
                $"{(a < snapshot.ActionLabels.Count ? snapshot.ActionLabels[a] : a.ToString(inv))} {v.ToString(snapshot.ValueKind == ActionValueKind.Probabilities ? "0.00" : "0.##", inv)}");
            string values = $"{name}:  {string.Join("   ", cells)}{(q.Length > 8 ? "  …" : "")}";
            // Taxi's six actions with their names do not fit at the usual size: the line shrinks to the panel.
            canvas.Text(values, inner.X, y, FittingSize(canvas, values, inner.Width), Palette.Ink);
        }
        y += Line;

        if (replay) DrawReplayReturns(canvas, inner, y + 8, returns);
        else
            LearningCurveView.Draw(canvas, PlotArea(area), returns, Window, snapshot.RewardThreshold,
                snapshot.EvaluationEpisodes.Span, snapshot.EvaluationReturns.Span);

        string footer = view.Notice ?? KeysHelp;
        canvas.Text(footer, inner.X, inner.Bottom - 16, Small - 1, view.Notice is null ? Palette.Muted : Palette.Agent);
    }

    private static void DrawReplayReturns(ICanvas canvas, Rect inner, float y, ReadOnlySpan<double> returns)
    {
        if (returns.Length == 0)
        {
            canvas.Text("The first replay is in progress.", inner.X, y, TextSize, Palette.Muted);
            return;
        }
        double sum = 0;
        foreach (var r in returns) sum += r;
        canvas.Text($"Returns of the finished replays (mean {Format(sum / returns.Length)}):", inner.X, y, TextSize, Palette.Ink);
        y += Line;
        for (int i = Math.Max(0, returns.Length - 10); i < returns.Length; i++, y += Line - 2)
            canvas.Text($"replay {i + 1}: {Format(returns[i])}", inner.X + 12, y, TextSize - 1, Palette.Ink);
    }

    /// <summary>The text size, at most the dashboard's and at least 11 px, at which <paramref name="text"/> fits <paramref name="width"/>.</summary>
    public static float FittingSize(ICanvas canvas, string text, float width)
    {
        float measured = canvas.MeasureText(text, TextSize);
        return measured <= width ? TextSize : Math.Max(11, MathF.Floor(TextSize * width / measured));
    }

    private static string Format(double v) => double.IsNaN(v) ? "–" : v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Mean of the up to <paramref name="window"/> returns before index <paramref name="end"/>.</summary>
    public static double TrailingMean(ReadOnlySpan<double> returns, int end, int window) => LearningCurveView.Mean(returns, end, window);
}
