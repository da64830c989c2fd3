using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Clips a continuous action into the inner environment's <see cref="Box"/> before stepping, as Gymnasium's
/// <c>ClipAction</c>, so that an unbounded policy (a Gaussian) can drive Pendulum. The wrapper's action space is
/// <c>Box(-inf, inf)</c> of the same shape. The clipped copy goes to a buffer owned by the wrapper: the caller's
/// array is left untouched and stepping allocates nothing.
/// </summary>
public sealed class ClipAction<TObs> : Wrapper<TObs, float[]> where TObs : notnull
{
    private readonly Box _inner;
    private readonly float[] _clipped;

    /// <summary>Wraps <paramref name="inner"/>, whose action space must be a <see cref="Box"/>.</summary>
    public ClipAction(IEnv<TObs, float[]> inner) : base(inner)
    {
        _inner = inner.ActionSpace as Box ?? throw new ArgumentException(
            $"ClipAction needs Box actions; {inner} has {inner.ActionSpace}.", nameof(inner));
        ActionSpace = new Box(float.NegativeInfinity, float.PositiveInfinity, [.. _inner.Shape]);
        _clipped = new float[_inner.Size];
    }

    /// <inheritdoc />
    public override Space<float[]> ActionSpace { get; }

    /// <inheritdoc />
    public override StepResult<TObs> Step(float[] action)
    {
        if (action.Length != _clipped.Length)
            throw new ArgumentException($"Action has {action.Length} elements; {_inner} has {_clipped.Length}.", nameof(action));
        var low = _inner.Low;
        var high = _inner.High;
        for (int i = 0; i < _clipped.Length; i++) _clipped[i] = Math.Clamp(action[i], low[i], high[i]);
        return StepInner(_clipped);
    }
}
