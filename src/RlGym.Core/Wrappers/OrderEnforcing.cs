using RlGym.Core.Environments;
using RlGym.Core.Registration;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Refuses to step before the first reset or after the episode ended, with a clear
/// <see cref="InvalidOperationException"/>, where a bare environment would silently go on.
/// </summary>
public sealed class OrderEnforcing<TObs, TAct> : Wrapper<TObs, TAct> where TObs : notnull where TAct : notnull
{
    private bool _hasReset;
    private bool _episodeOver;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public OrderEnforcing(IEnv<TObs, TAct> inner) : base(inner) { }

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        var r = Inner.Reset(seed, options);
        _hasReset = true;
        _episodeOver = false;
        return r;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        if (!_hasReset || _episodeOver) ThrowOutOfOrder();
        var r = StepInner(action);
        _episodeOver = r.Terminated || r.Truncated;
        return r;
    }

    // Out of line, so that building the message stays off the hot path.
    private void ThrowOutOfOrder() => throw new InvalidOperationException(!_hasReset
        ? $"{this}: Step was called before Reset; call Reset first."
        : $"{this}: Step was called after the episode ended (terminated or truncated); call Reset first.");
}
