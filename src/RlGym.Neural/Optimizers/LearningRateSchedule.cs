namespace RlGym.Neural.Optimizers;

/// <summary>
/// The step size as a function of the optimizer's step count t (0 for the first step). A plain number converts
/// to a constant schedule, so <c>new Adam(net.Parameters, 1e-3)</c> works.
/// </summary>
public sealed class LearningRateSchedule
{
    private LearningRateSchedule(double start, double end, long steps)
    {
        if (!(start >= 0) || !(end >= 0)) throw new ArgumentOutOfRangeException(nameof(start), "Learning rates must be ≥ 0.");
        if (steps <= 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "A schedule needs a positive number of steps.");
        Start = start;
        End = end;
        Steps = steps;
    }

    /// <summary>The rate at t = 0.</summary>
    public double Start { get; }

    /// <summary>The rate from t = <see cref="Steps"/> on.</summary>
    public double End { get; }

    /// <summary>Length of the decay (1 for a constant schedule).</summary>
    public long Steps { get; }

    /// <summary>Always <paramref name="learningRate"/>.</summary>
    public static LearningRateSchedule Constant(double learningRate) => new(learningRate, learningRate, 1);

    /// <summary>
    /// α_t = start + (end − start)·min(t / steps, 1). With end = 0 and steps = the number of updates this is
    /// CleanRL's annealing, α = (1 − (update − 1)/num_updates)·α₀.
    /// </summary>
    public static LearningRateSchedule Linear(double start, double end, long steps) => new(start, end, steps);

    /// <summary>The rate for step <paramref name="step"/>.</summary>
    public double At(long step) => step >= Steps ? End : Start + (End - Start) * ((double)step / Steps);

    /// <summary>A constant schedule.</summary>
    public static implicit operator LearningRateSchedule(double learningRate) => Constant(learningRate);

    /// <inheritdoc/>
    public override string ToString() => Start == End ? $"{Start}" : $"linear {Start} → {End} over {Steps} steps";
}
