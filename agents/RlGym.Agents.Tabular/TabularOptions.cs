using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Tabular;

/// <summary>
/// The hyperparameters every tabular agent shares, under the lectures' names, so that <c>--set alpha=0.5</c> means
/// the same thing for each of them. Each agent's own options record derives from this one and adds its own.
/// </summary>
public abstract record TabularOptions
{
    /// <summary>Step size α.</summary>
    [Description("step size α of the update Q(s,a) ← Q(s,a) − α δ")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.1;

    /// <summary>Discount γ.</summary>
    [Description("discount γ of future rewards in the TD target")]
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.99;

    /// <summary>ε-greedy or softmax behaviour.</summary>
    [Description("behaviour policy: epsilon-greedy, or softmax with π(a|s) ∝ exp(Q(s,a)/temperature)")]
    public ExplorationKind Exploration { get; init; } = ExplorationKind.EpsilonGreedy;

    /// <summary>ε at the start of training.</summary>
    [Description("ε: probability of a uniformly random action (the schedule's start value)")]
    [Range(0.0, 1.0)]
    public double Epsilon { get; init; } = 0.1;

    /// <summary>How ε decays.</summary>
    [Description("how ε changes with steps: constant, linear or exponential")]
    public EpsilonDecay EpsilonSchedule { get; init; } = EpsilonDecay.Constant;

    /// <summary>ε after decay.</summary>
    [Description("the value ε decays to (linear and exponential schedules)")]
    [Range(0.0, 1.0)]
    public double EpsilonEnd { get; init; } = 0.01;

    /// <summary>Steps of the decay.</summary>
    [Description("steps for linear decay to reach epsilon_end; time constant of exponential decay")]
    [Range(1, int.MaxValue)]
    public int EpsilonDecaySteps { get; init; } = 10_000;

    /// <summary>Softmax temperature.</summary>
    [Description("softmax temperature: high explores uniformly, low is nearly greedy")]
    [Range(1e-6, 1e6)]
    public double Temperature { get; init; } = 1.0;

    /// <summary>Q before any update.</summary>
    [Description("Q(s,a) before any update (above the returns it is optimistic and drives exploration)")]
    [Range(-1e9, 1e9)]
    public double InitialValue { get; init; }
}
