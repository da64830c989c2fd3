namespace RlGym.Neural.Networks;

/// <summary>The hidden-layer nonlinearity of an <see cref="Mlp"/>.</summary>
public enum Activation
{
    /// <summary>Hyperbolic tangent (CleanRL's policy-gradient default).</summary>
    Tanh,

    /// <summary>Rectified linear unit (the usual DQN choice).</summary>
    ReLU,
}
