namespace RlGym.Agents.PolicyGradient;

/// <summary>Which optimizer applies the lectures' gradient steps.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with bias correction: robust step sizes, what CleanRL uses.</summary>
    Adam,

    /// <summary>Plain gradient descent, w ← w − α g: the lectures' update exactly.</summary>
    Sgd,

    /// <summary>RMSProp (ρ = 0.99, ε = 10⁻⁵), Stable-Baselines3's A2C optimizer.</summary>
    RmsProp,
}
