using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Search.Imitation;

/// <summary>Hyperparameters of <see cref="BehaviourCloningAgent"/>.</summary>
public sealed record BehaviourCloningOptions
{
    /// <summary>The demonstrations: JSON Lines as <c>rlgym rollout</c> writes them.</summary>
    [Description("file of demonstrations, JSON Lines as 'rlgym rollout --policy plan|DIR' writes them")]
    public string Demonstrations { get; init; } = "";

    /// <summary>Hidden layer widths of the policy network (empty: a linear softmax policy).</summary>
    [Description("hidden layer widths of the policy network π(a|s; θ), comma-separated (empty: linear)")]
    [Range(1, 1_000_000)]
    public int[] HiddenSizes { get; init; } = [64];

    /// <summary>Adam's step size.</summary>
    [Description("step size of Adam on the cross-entropy loss")]
    [Range(0.0, 1.0)]
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Demonstrated pairs per gradient step.</summary>
    [Description("demonstrated (state, action) pairs per gradient step")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; init; } = 64;

    /// <summary>Gradient steps in all.</summary>
    [Description("gradient steps in all; after them the policy is fixed")]
    [Range(0, 100_000_000)]
    public int Updates { get; init; } = 3000;

    /// <summary>Gradient steps per environment step while training runs.</summary>
    [Description("gradient steps taken per environment step until 'updates' are done")]
    [Range(1, 1_000_000)]
    public int UpdatesPerStep { get; init; } = 20;
}
