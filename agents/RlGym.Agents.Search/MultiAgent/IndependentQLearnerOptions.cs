using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Search.MultiAgent;

/// <summary>Hyperparameters of <see cref="IndependentQLearner"/> and <see cref="CentralisedCritic"/>.</summary>
public sealed record IndependentQLearnerOptions
{
    /// <summary>Step size α.</summary>
    [Description("step size α of the update Q ← Q + α (target − Q)")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.1;

    /// <summary>Discount γ (unused in one-round games, whose every step ends the episode).</summary>
    [Description("discount γ of the next state's value")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.95;

    /// <summary>Exploration ε of ε-greedy, constant.</summary>
    [Description("ε of ε-greedy: a uniformly random action with probability ε")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;
}
