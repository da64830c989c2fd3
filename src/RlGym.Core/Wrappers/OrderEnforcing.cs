using RlGym.Core.Environments;
using RlGym.Core.Registration;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Refuses to step before the first reset or after the episode ended, with a clear
/// <see cref="InvalidOperationException"/>, where a bare environment would silently go on.
/// </summary>
public sealed class OrderEnforcing<TObs, TAct> : Wrapper<TObs, TAct> where TObs : notnull where TAct : notnull
{
    // The registry puts a TimeLimit right inside: called as its sealed self, its Step is inlined here.
    private readonly TimeLimit<TObs, TAct>? _timeLimit;
    private bool _hasReset;
    private bool _steppable;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public OrderEnforcing(IEnv<TObs, TAct> inner) : base(inner) => _timeLimit = inner as TimeLimit<TObs, TAct>;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        var r = _timeLimit is { } t ? t.Reset(seed, options) : ResetInner(seed, options);
        _hasReset = true;
        _steppable = true;
        return r;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        // One flag covers both refusals (before the first reset, after the episode ended); the message tells them apart.
        if (!_steppable) ThrowOutOfOrder();
        // A result of its own on each path: one merged local costs a copy of the whole result on every step.
        // The flag is written only when the episode ends: a store on every step costs more than a branch that is
        // almost never taken.
        if (_timeLimit is { } t)
        {
            var limited = t.Step(action);
            if (limited.Terminated | limited.Truncated) _steppable = false;
            return limited;
        }
        var r = StepInner(action);
        if (r.Terminated | r.Truncated) _steppable = false;
        return r;
    }

    // Out of line, so that building the message stays off the hot path.
    private void ThrowOutOfOrder() => throw new InvalidOperationException(!_hasReset
        ? $"{this}: Step was called before Reset; call Reset first."
        : $"{this}: Step was called after the episode ended (terminated or truncated); call Reset first.");

    /// <inheritdoc />
    public override void WriteState(BinaryWriter writer)
    {
        base.WriteState(writer);
        writer.Write(_hasReset);
        writer.Write(_steppable);
    }

    /// <inheritdoc />
    public override void ReadState(BinaryReader reader)
    {
        base.ReadState(reader);
        _hasReset = reader.ReadBoolean();
        _steppable = reader.ReadBoolean();
    }
}
