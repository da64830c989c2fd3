using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Training.Metrics;

namespace RlGym.Cli.Runs;

/// <summary>
/// Follows a training run for a person: the moving-average return over the last episodes, and how much of the
/// budget is done. A live bar (<see cref="ProgressBarDisplay"/>) reads <see cref="Fraction"/> and
/// <see cref="Describe"/>; without a terminal, a log line is written at every tenth of the budget.
/// </summary>
public sealed class TrainingProgress(int? episodeBudget, long? stepBudget, int window, ILogger? log) : ITrainingObserver
{
    private readonly double[] _recent = new double[Math.Max(1, window)];
    private int _count;
    private double _sum;
    private int _lastDecile = -1;

    /// <summary>Episodes finished (the resumed ones included).</summary>
    public int Episodes { get; private set; }

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Mean return of the last episodes (up to the window); NaN before the first.</summary>
    public double MovingAverage => _count == 0 ? double.NaN : _sum / Math.Min(_count, _recent.Length);

    /// <summary>The last exploration rate reported.</summary>
    public double ExplorationRate { get; private set; } = double.NaN;

    /// <summary>The last evaluation return, when one ran.</summary>
    public double? EvalReturn { get; private set; }

    /// <summary>Share of the budget done, 0 to 1.</summary>
    public double Fraction =>
        episodeBudget is { } e ? Math.Min(1, (double)Episodes / e) : stepBudget is { } s ? Math.Min(1, (double)Steps / s) : 0;

    /// <inheritdoc />
    public void OnEpisode(EpisodeMetrics m)
    {
        Episodes = m.Episode + 1;
        Steps = m.TotalSteps;
        ExplorationRate = m.ExplorationRate;
        if (m.EvalReturn is { } ev) EvalReturn = ev;
        int slot = _count % _recent.Length;
        if (_count >= _recent.Length) _sum -= _recent[slot];
        _recent[slot] = m.Return;
        _sum += m.Return;
        _count++;

        if (log is null) return;
        int decile = (int)Math.Floor(Fraction * 10);
        if (decile > _lastDecile)
        {
            if (_lastDecile >= 0 || decile > 0) log.LogInformation("{Progress}", Describe());
            _lastDecile = decile;
        }
    }

    /// <summary>A short form for a progress bar's label: episodes and the moving-average return.</summary>
    public string Brief() =>
        $"ep {Episodes}  avg return {MovingAverage.ToString("0.000", CultureInfo.InvariantCulture)}"
        + (EvalReturn is { } ev ? $"  eval {ev.ToString("0.000", CultureInfo.InvariantCulture)}" : "");

    /// <summary>One line: episodes, steps, moving-average return, exploration rate, last evaluation.</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        string budget = episodeBudget is { } e ? $"episode {Episodes}/{e}" : $"episode {Episodes}";
        string steps = stepBudget is { } s ? $"steps {Steps}/{s}" : $"steps {Steps}";
        string text = $"{budget}  {steps}  return (last {Math.Min(_count, _recent.Length)}) {MovingAverage.ToString("0.000", inv)}";
        if (!double.IsNaN(ExplorationRate)) text += $"  exploration {ExplorationRate.ToString("0.000", inv)}";
        if (EvalReturn is { } ev) text += $"  eval {ev.ToString("0.000", inv)}";
        return text;
    }
}
