using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Wrappers;
using RlGym.Training.Metrics;

namespace RlGym.Cli.Runs;

/// <summary>
/// Shows an observer (the live view's window or recorder) every reset and step of an environment that is not being
/// trained: replays and evaluations run their own loops, and this wrapper lets the window and recordings see them
/// without changing those loops. A cancelled token stops the episode at the next reset or step.
/// </summary>
public sealed class ObservedEnv<TObs, TAct>(IEnv<TObs, TAct> inner, ITrainingObserver observer, CancellationToken cancellation)
    : Wrapper<TObs, TAct>(inner) where TObs : notnull where TAct : notnull
{
    private int _episode;
    private long _steps;
    private double _return;
    private int _length;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        cancellation.ThrowIfCancellationRequested();
        var r = Inner.Reset(seed, options);
        (_return, _length) = (0, 0);
        observer.OnEpisodeStart(this, r.Observation);
        return r;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        cancellation.ThrowIfCancellationRequested();
        var r = Inner.Step(action);
        _steps++;
        _length++;
        _return += r.Reward;
        observer.OnAction(action, r.Reward);
        observer.OnStep(this, r.Observation, _steps);
        if (r.Done) observer.OnEpisode(new EpisodeMetrics(_episode++, _steps, _return, _length, double.NaN, 0));
        return r;
    }
}

/// <summary>Wraps an untyped environment in an <see cref="ObservedEnv{TObs,TAct}"/> of its own types.</summary>
public static class ObservedEnv
{
    /// <summary>
    /// <paramref name="env"/> as seen by <paramref name="observer"/>. Disposing the result disposes <paramref name="env"/>.
    /// </summary>
    public static IEnv Wrap(IEnv env, ITrainingObserver observer, CancellationToken cancellation) =>
        env.Accept(new Visitor(observer, cancellation));

    private sealed class Visitor(ITrainingObserver observer, CancellationToken cancellation) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            new ObservedEnv<TObs, TAct>(env, observer, cancellation);
    }
}
