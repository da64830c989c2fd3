using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// The shared hyperparameters of the agents that train a value network (a baseline or a critic) beside the policy:
/// those of <see cref="PolicyGradientOptions"/> and the value network's step size α.
/// </summary>
public abstract record CriticOptions : PolicyGradientOptions
{
    /// <summary>Value (baseline or critic) step size α.</summary>
    [Description("step size α of the value network (baseline or critic), w ← w − α δ_t ∇w of its prediction")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 1e-3;
}
