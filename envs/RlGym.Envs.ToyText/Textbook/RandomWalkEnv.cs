using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Textbook;

/// <summary>
/// Random walk: a row of states between two terminal ends, each step going left or right with probability 1/2
/// (Sutton and Barto, 2nd ed., Example 7.1 and Figure 7.2 with 19 states; Example 6.2 with <c>states=5</c>,
/// <c>left_reward=0</c>).
/// <para><b>Description.</b> A prediction task: the walk ignores the action, so it measures how well an agent
/// learns state values. <see cref="TrueValues"/> gives the exact undiscounted values to compare against.</para>
/// <para><b>Action space.</b> <c>Discrete(1)</c>: the one action 0 ("walk").</para>
/// <para><b>Observation space.</b> <c>Discrete(states + 2)</c>: 0 is the left end, 1..states the non-terminal
/// states from left to right, states + 1 the right end.</para>
/// <para><b>Rewards.</b> <c>left_reward</c> (default −1) on entering the left end, <c>right_reward</c> (default +1)
/// on entering the right end, 0 otherwise. With the defaults the true value of state i is i/10 − 1.</para>
/// <para><b>Starting state.</b> The middle state, (states + 1) / 2 rounded down (10 of 19, C = 3 of 5).</para>
/// <para><b>Episode end.</b> Terminates at either end. No time limit.</para>
/// <para><b>Arguments.</b> <c>states</c> (default 19), <c>left_reward</c> (−1), <c>right_reward</c> (1).</para>
/// <para><b>Version history.</b> v0: initial version.</para>
/// </summary>
public sealed class RandomWalkEnv : TabularEnv
{
    private static readonly string[] s_actionNames = ["walk"];

    /// <summary>The options <see cref="FromOptions"/> reads, with their defaults.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } =
    [
        new("states", "19", "number of non-terminal states (19 in Figure 7.2, 5 in Example 6.2)"),
        new("left_reward", "-1", "reward for reaching the left end"),
        new("right_reward", "1", "reward for reaching the right end"),
    ];

    private readonly double[] _trueValues;

    /// <summary>Creates the walk over <paramref name="states"/> non-terminal states.</summary>
    public RandomWalkEnv(int states = 19, double leftReward = -1, double rightReward = 1) : base(states + 2, 1)
    {
        if (states < 1) throw new UserInputException($"option states={states} is out of range; allowed: 1 or more");
        NonTerminalStates = states;
        LeftReward = leftReward;
        RightReward = rightReward;
        int right = states + 1;
        SetTerminal(0);
        SetTerminal(right);
        for (int s = 1; s <= states; s++)
            SetOutcomes(s, 0,
                new Outcome(0.5, s - 1, s - 1 == 0 ? leftReward : 0, s - 1 == 0),
                new Outcome(0.5, s + 1, s + 1 == right ? rightReward : 0, s + 1 == right));
        SetStartStates((states + 1) / 2);

        // Undiscounted, the value is the expected end reward, and the chance of ending right is i / (n + 1).
        _trueValues = new double[states + 2];
        for (int i = 1; i <= states; i++) _trueValues[i] = leftReward + (rightReward - leftReward) * i / (states + 1.0);
    }

    /// <summary>Builds the environment from its options (see <see cref="OptionInfos"/>).</summary>
    public static RandomWalkEnv FromOptions(EnvOptions options) => new(
        options.GetInt("states", 19, 1, 100_000),
        options.GetDouble("left_reward", -1),
        options.GetDouble("right_reward", 1));

    /// <summary>Number of non-terminal states.</summary>
    public int NonTerminalStates { get; }

    /// <summary>Reward for reaching the left end.</summary>
    public double LeftReward { get; }

    /// <summary>Reward for reaching the right end.</summary>
    public double RightReward { get; }

    /// <summary>The exact undiscounted value of every state (0 at the ends), indexed by state.</summary>
    public IReadOnlyList<double> TrueValues => _trueValues;

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => 1;

    /// <inheritdoc />
    public override int Columns => NonTerminalStates + 2;

    /// <summary>The ends are a hazard (negative reward) or a goal; the middle state is the start.</summary>
    public override CellKind CellAt(int row, int column) =>
        column == 0 ? (LeftReward < 0 ? CellKind.Hazard : CellKind.Goal)
        : column == NonTerminalStates + 1 ? (RightReward < 0 ? CellKind.Hazard : CellKind.Goal)
        : column == StartStates[0] ? CellKind.Start
        : CellKind.Floor;

    /// <summary>'T' at the ends, letters A, B, C, ... for up to 26 states (as the book's figures), else '.'.</summary>
    public override char CharAt(int row, int column) =>
        column == 0 || column == NonTerminalStates + 1 ? 'T'
        : NonTerminalStates <= 26 ? (char)('A' + column - 1)
        : '.';

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (0, state);
}
