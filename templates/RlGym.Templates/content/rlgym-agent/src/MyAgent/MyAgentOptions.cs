using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace MyAgent;

/// <summary>
/// The hyperparameters of <see cref="MyAgentLearner"/>, with their defaults. <c>rlgym agents</c> lists them from
/// the <see cref="DescriptionAttribute"/>s, and <c>--set alpha=0.5</c> overrides one within its
/// <see cref="RangeAttribute"/> (a value outside it is refused in one line).
/// </summary>
public sealed record MyAgentOptions
{
    /// <summary>Step size α.</summary>
    [Description("step size α of the update Q(s,a) ← Q(s,a) − α δ")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.1;

    /// <summary>Discount γ.</summary>
    [Description("discount γ of future rewards in the target y")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>Exploration rate ε.</summary>
    [Description("ε: probability of a uniformly random action while training")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;
}
