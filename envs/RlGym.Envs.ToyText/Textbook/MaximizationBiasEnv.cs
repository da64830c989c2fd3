using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Textbook;

/// <summary>
/// The small MDP that shows maximization bias: from A, "left" leads to B, whose many actions all end with a
/// reward of mean −0.1 but high variance, so Q-learning at first prefers left (Sutton and Barto, 2nd ed.,
/// Example 6.7 and Figure 6.5, where Double Q-learning does not).
/// <para><b>Description.</b> States laid out as in the book's figure: left end, B, A, right end. From A,
/// action 0 (right) ends the episode with reward 0 and action 1 (left) moves to B with reward 0. From B, each of
/// the <c>b_actions</c> actions ends the episode with a reward drawn from Normal(<c>b_mean</c>, <c>b_std</c>²).</para>
/// <para><b>Action space.</b> <c>Discrete(b_actions)</c> (default 10). The number of actions differs by state: in
/// A only 0 (right) and 1 (left) are valid, and other actions there throw <see cref="ArgumentOutOfRangeException"/>
/// (ask <see cref="TabularEnv.IsValidAction"/> or <see cref="ValidActionCount"/>); in B all are valid.</para>
/// <para><b>Observation space.</b> <c>Discrete(4)</c>: 0 left end (after B), 1 B, 2 A, 3 right end.</para>
/// <para><b>Rewards.</b> 0 from A; Normal(−0.1, 1) from B. The tabular model holds the mean, −0.1.</para>
/// <para><b>Starting state.</b> A (2).</para>
/// <para><b>Episode end.</b> Terminates at either end, after one or two steps.</para>
/// <para><b>Arguments.</b> <c>b_actions</c> (default 10, at least 2), <c>b_mean</c> (−0.1), <c>b_std</c> (1).</para>
/// <para><b>Version history.</b> v0: initial version.</para>
/// </summary>
public sealed class MaximizationBiasEnv : TabularEnv
{
    /// <summary>The terminal state reached from B.</summary>
    public const int LeftEnd = 0;

    /// <summary>State B.</summary>
    public const int StateB = 1;

    /// <summary>State A, where episodes start.</summary>
    public const int StateA = 2;

    /// <summary>The terminal state reached by going right from A.</summary>
    public const int RightEnd = 3;

    /// <summary>Action "right" in A.</summary>
    public const int Right = 0;

    /// <summary>Action "left" in A.</summary>
    public const int Left = 1;

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("b_actions", "10", "number of actions in B (all end the episode); A has two"),
        new("b_mean", "-0.1", "mean reward of B's actions"),
        new("b_std", "1", "standard deviation of B's rewards"),
    ];

    private readonly string[] _actionNames;

    /// <summary>Creates the environment with <paramref name="bActions"/> actions in B.</summary>
    public MaximizationBiasEnv(int bActions = 10, double bMean = -0.1, double bStd = 1) : base(4, bActions)
    {
        if (bActions < 2) throw new ArgumentOutOfRangeException(nameof(bActions), bActions, "B needs at least 2 actions (A has 2).");
        if (bStd < 0) throw new ArgumentOutOfRangeException(nameof(bStd), bStd, "A standard deviation cannot be negative.");
        BMean = bMean;
        BStd = bStd;
        _actionNames = Enumerable.Range(0, bActions)
            .Select(a => a switch { Right => "right (A) / b0", Left => "left (A) / b1", _ => $"b{a} (B only)" })
            .ToArray();
        SetTerminal(LeftEnd);
        SetTerminal(RightEnd);
        SetOutcomes(StateA, Right, new Outcome(1.0, RightEnd, 0, true));
        SetOutcomes(StateA, Left, new Outcome(1.0, StateB, 0, false));
        for (int a = 2; a < bActions; a++) SetInvalid(StateA, a);
        for (int a = 0; a < bActions; a++) SetOutcomes(StateB, a, new Outcome(1.0, LeftEnd, bMean, true));
        SetStartStates(StateA);
    }

    /// <summary>Builds the environment from its options (see <see cref="OptionInfos"/>).</summary>
    public static MaximizationBiasEnv FromOptions(EnvOptions options) => new(
        options.GetInt("b_actions", 10, 2, 10_000),
        options.GetDouble("b_mean", -0.1),
        options.GetDouble("b_std", 1, 0));

    /// <summary>Mean reward of B's actions.</summary>
    public double BMean { get; }

    /// <summary>Standard deviation of B's rewards.</summary>
    public double BStd { get; }

    /// <summary>How many actions are valid in <paramref name="state"/>: actions 0 to count − 1 (2 in A, all in B).</summary>
    public int ValidActionCount(int state) => state == StateA ? 2 : ActionCount;

    /// <inheritdoc />
    protected override double SampleReward(int state, int action, in Outcome outcome) =>
        state == StateB ? BMean + BStd * Random.NextGaussian() : outcome.Reward;

    /// <inheritdoc />
    protected override ArgumentOutOfRangeException InvalidAction(int state, int action) =>
        state == StateA && action >= 2 && action < ActionCount
            ? new ArgumentOutOfRangeException(nameof(action), action,
                $"{Name}: action {action} cannot be taken in A; A has actions 0 right and 1 left, B has 0 to {ActionCount - 1}.")
            : base.InvalidAction(state, action);

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => _actionNames;

    /// <inheritdoc />
    public override int Rows => 1;

    /// <inheritdoc />
    public override int Columns => 4;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) => column switch
    {
        StateA => CellKind.Start,
        StateB => CellKind.Floor,
        _ => CellKind.Goal,
    };

    /// <summary>'T', 'B', 'A', 'T' as in the book's figure.</summary>
    public override char CharAt(int row, int column) => "TBAT"[column];

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (0, state);
}
