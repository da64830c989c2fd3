using Spectre.Console;

namespace RlGym.Cli.Runs;

/// <summary>
/// A Spectre.Console progress bar on stderr that shows a <see cref="TrainingProgress"/> while work runs on the
/// calling thread; the bar is refreshed from its own timer, so the trainer never waits for the terminal.
/// </summary>
public static class ProgressBarDisplay
{
    /// <summary>Runs <paramref name="work"/> with a live bar on <paramref name="console"/>.</summary>
    public static T Run<T>(IAnsiConsole console, TrainingProgress progress, string title, Func<T> work)
    {
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1000);
                using var timer = new Timer(_ =>
                {
                    task.Value = progress.Fraction * 1000;
                    task.Description = Markup.Escape($"{title}  {progress.Brief()}");
                }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
                try { result = work(); }
                finally
                {
                    timer.Dispose();
                    task.Value = progress.Fraction * 1000;
                    task.Description = Markup.Escape($"{title}  {progress.Brief()}");
                }
            });
        return result;
    }
}
