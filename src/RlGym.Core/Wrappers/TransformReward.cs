using RlGym.Core.Environments;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Applies a function to every reward (scaling, shifting, clipping), as Gymnasium's <c>TransformReward</c>.
/// Observations, flags and info pass through unchanged.
/// </summary>
public sealed class TransformReward<TObs, TAct> : Wrapper<TObs, TAct> where TObs : notnull where TAct : notnull
{
    private readonly Func<double, double> _transform;

    /// <summary>Wraps <paramref name="inner"/>, passing each reward through <paramref name="transform"/>.</summary>
    public TransformReward(IEnv<TObs, TAct> inner, Func<double, double> transform) : base(inner) =>
        _transform = transform ?? throw new ArgumentNullException(nameof(transform));

    /// <summary>A wrapper that multiplies rewards by <paramref name="scale"/>.</summary>
    public static TransformReward<TObs, TAct> Scale(IEnv<TObs, TAct> inner, double scale) => new(inner, r => r * scale);

    /// <summary>A wrapper that clips rewards to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static TransformReward<TObs, TAct> Clip(IEnv<TObs, TAct> inner, double min, double max)
    {
        if (!(min <= max)) throw new ArgumentException($"min {min} is above max {max}.");
        return new(inner, r => Math.Clamp(r, min, max));
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var r = StepInner(action);
        return r with { Reward = _transform(r.Reward) };
    }
}
