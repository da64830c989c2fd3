using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Environments;

/// <summary>
/// The base of every environment and wrapper. It owns the seeded generator (Gymnasium's <c>np_random</c>)
/// and supplies the boxed members of <see cref="IEnv"/>, so an environment writes only its typed members.
/// </summary>
public abstract class Env<TObs, TAct> : IEnv<TObs, TAct>, IVisitableEnv where TObs : notnull where TAct : notnull
{
    private Rng? _rng;

    /// <inheritdoc />
    public abstract Space<TObs> ObservationSpace { get; }

    /// <inheritdoc />
    public abstract Space<TAct> ActionSpace { get; }

    Space IEnv.ObservationSpace => ObservationSpace;
    Space IEnv.ActionSpace => ActionSpace;

    /// <inheritdoc />
    public virtual EnvSpec? Spec { get; set; }

    /// <inheritdoc />
    public virtual IEnv Unwrapped => this;

    /// <summary>
    /// The environment's generator. Seeded by <see cref="SeedRandom"/> from <c>Reset(seed)</c>; from entropy
    /// when the first reset has no seed.
    /// </summary>
    protected Rng Random => _rng ??= Rng.FromEntropy();

    /// <summary>Call first in <c>Reset</c>: a seed restarts the generator, no seed continues it.</summary>
    protected void SeedRandom(long? seed)
    {
        if (seed is { } s) _rng = new Rng(s);
        else _rng ??= Rng.FromEntropy();
    }

    /// <summary>Writes the generator's state (or its absence), for <see cref="IStatefulEnv.WriteState"/>.</summary>
    protected void WriteRandom(BinaryWriter writer)
    {
        writer.Write(_rng is not null);
        _rng?.GetState().Write(writer);
    }

    /// <summary>Reads what <see cref="WriteRandom"/> wrote.</summary>
    protected void ReadRandom(BinaryReader reader) =>
        _rng = reader.ReadBoolean() ? new Rng(RngState.Read(reader)) : null;

    /// <summary>The generator's state, for checkpoints.</summary>
    public virtual RngState? RandomState
    {
        get => _rng?.GetState();
        set => _rng = value is { } s ? new Rng(s) : null;
    }

    /// <inheritdoc />
    public abstract ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null);

    /// <inheritdoc />
    public abstract StepResult<TObs> Step(TAct action);

    /// <inheritdoc />
    public ResetResult<object> ResetBoxed(long? seed = null, EnvOptions? options = null)
    {
        var r = Reset(seed, options);
        return new ResetResult<object>(r.Observation, r.Info);
    }

    /// <inheritdoc />
    public StepResult<object> StepBoxed(object action)
    {
        if (action is not TAct a)
            throw new ArgumentException($"Action {action} is a {action.GetType().Name}; {ActionSpace} takes {typeof(TAct).Name}.");
        var r = Step(a);
        return new StepResult<object>(r.Observation, r.Reward, r.Terminated, r.Truncated, r.Info);
    }

    /// <summary>Throws a clear error when <paramref name="action"/> is outside the action space.</summary>
    protected void CheckAction(TAct action)
    {
        if (!ActionSpace.Contains(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Action is not in {ActionSpace}.");
    }

    /// <inheritdoc />
    public TResult Accept<TResult>(IEnvVisitor<TResult> visitor) => visitor.Visit(this);

    /// <summary>Releases what the environment holds; safe to call twice.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <inheritdoc />
    public override string ToString() => Spec?.Id ?? GetType().Name;
}
