using System.Runtime.CompilerServices;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// A wrapper that keeps its inner environment's types and passes everything through; override what changes.
/// </summary>
public abstract class Wrapper<TObs, TAct> : Env<TObs, TAct>, IStatefulEnv, IWrapping where TObs : notnull where TAct : notnull
{
    // Inner as the base class (every env and wrapper of ours is one; anything else goes through a forwarding Env):
    // a virtual call costs less than an interface call, above all in generic code shared between reference-type
    // observations, and one call site lets the JIT's profile-guided devirtualisation inline the environment's Step.
    private readonly Env<TObs, TAct> _innerEnv;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected Wrapper(IEnv<TObs, TAct> inner)
    {
        Inner = inner;
        _innerEnv = inner as Env<TObs, TAct> ?? new ForwardingEnv<TObs, TAct>(inner);
    }

    /// <summary>The environment one level down.</summary>
    public IEnv<TObs, TAct> Inner { get; }

    IEnv IWrapping.Wrapped => Inner;

    /// <summary>
    /// The inner environment as the base class, for the registry's own wrappers: a call written in a wrapper's own
    /// <c>Step</c> gets a profile of its own, which <see cref="StepInner"/>'s call site, shared by every wrapper, does not.
    /// </summary>
    private protected Env<TObs, TAct> InnerEnv => _innerEnv;

    /// <summary><c>Inner.Step(action)</c>, by the cheapest call available; wrappers' <c>Step</c> use it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected StepResult<TObs> StepInner(TAct action) => _innerEnv.Step(action);

    /// <summary><c>Inner.Reset(seed, options)</c>, by the cheapest call available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ResetResult<TObs> ResetInner(long? seed, EnvOptions? options) => _innerEnv.Reset(seed, options);

    /// <inheritdoc />
    public override Space<TObs> ObservationSpace => Inner.ObservationSpace;

    /// <inheritdoc />
    public override Space<TAct> ActionSpace => Inner.ActionSpace;

    /// <inheritdoc />
    public override EnvSpec? Spec { get => Inner.Spec; set => Inner.Spec = value; }

    /// <inheritdoc />
    public override IEnv Unwrapped => Inner.Unwrapped;

    /// <inheritdoc />
    public override RngState? RandomState
    {
        get => (Inner as Env<TObs, TAct>)?.RandomState;
        set { if (Inner is Env<TObs, TAct> e) e.RandomState = value; }
    }

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null) => ResetInner(seed, options);

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action) => StepInner(action);

    /// <inheritdoc />
    public virtual bool CanSaveState => Inner is IStatefulEnv { CanSaveState: true };

    /// <summary>Writes the wrapped environment's state; wrappers with counters of their own override and add them.</summary>
    public virtual void WriteState(BinaryWriter writer) => EnvState.Of(Inner).WriteState(writer);

    /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
    public virtual void ReadState(BinaryReader reader) => EnvState.Of(Inner).ReadState(reader);

    /// <inheritdoc />
    public override void Dispose()
    {
        Inner.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name.Split('`')[0]}<{Inner}>";
}

/// <summary>An <see cref="IEnv{TObs,TAct}"/> that does not derive from <see cref="Env{TObs,TAct}"/>, seen as one, for wrappers' calls.</summary>
internal sealed class ForwardingEnv<TObs, TAct>(IEnv<TObs, TAct> env) : Env<TObs, TAct> where TObs : notnull where TAct : notnull
{
    public override Space<TObs> ObservationSpace => env.ObservationSpace;

    public override Space<TAct> ActionSpace => env.ActionSpace;

    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null) => env.Reset(seed, options);

    public override StepResult<TObs> Step(TAct action) => env.Step(action);
}

/// <summary>
/// A wrapper that changes the observation type (e.g. one-hot encoding or discretisation); the action passes through.
/// </summary>
public abstract class ObservationWrapper<TObs, TInnerObs, TAct> : Env<TObs, TAct>, IStatefulEnv, IWrapping
    where TObs : notnull where TInnerObs : notnull where TAct : notnull
{
    private readonly Env<TInnerObs, TAct>? _innerEnv;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected ObservationWrapper(IEnv<TInnerObs, TAct> inner)
    {
        Inner = inner;
        _innerEnv = inner as Env<TInnerObs, TAct>;
    }

    /// <summary>The environment one level down.</summary>
    public IEnv<TInnerObs, TAct> Inner { get; }

    IEnv IWrapping.Wrapped => Inner;

    /// <inheritdoc />
    public override Space<TAct> ActionSpace => Inner.ActionSpace;

    /// <inheritdoc />
    public override EnvSpec? Spec { get => Inner.Spec; set => Inner.Spec = value; }

    /// <inheritdoc />
    public override IEnv Unwrapped => Inner.Unwrapped;

    /// <inheritdoc />
    public override RngState? RandomState
    {
        get => (Inner as Env<TInnerObs, TAct>)?.RandomState;
        set { if (Inner is Env<TInnerObs, TAct> e) e.RandomState = value; }
    }

    /// <summary>Maps an inner observation to this wrapper's.</summary>
    protected abstract TObs Observation(TInnerObs observation);

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        var r = Inner.Reset(seed, options);
        return new ResetResult<TObs>(Observation(r.Observation), r.Info);
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var r = _innerEnv is { } e ? e.Step(action) : Inner.Step(action);
        return new StepResult<TObs>(Observation(r.Observation), r.Reward, r.Terminated, r.Truncated, r.Info);
    }

    /// <inheritdoc />
    public virtual bool CanSaveState => Inner is IStatefulEnv { CanSaveState: true };

    /// <summary>Writes the wrapped environment's state; wrappers with counters of their own override and add them.</summary>
    public virtual void WriteState(BinaryWriter writer) => EnvState.Of(Inner).WriteState(writer);

    /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
    public virtual void ReadState(BinaryReader reader) => EnvState.Of(Inner).ReadState(reader);

    /// <inheritdoc />
    public override void Dispose()
    {
        Inner.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name.Split('`')[0]}<{Inner}>";
}

/// <summary>A wrapper seen without its types, so that a walk down the chain (<see cref="WrapperStatistics"/>) needs none.</summary>
internal interface IWrapping
{
    /// <summary>The environment one level down.</summary>
    IEnv Wrapped { get; }
}
