using RlGym.Core.Registration;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Textbook;

/// <summary>
/// Short corridor with switched actions: a corridor where the middle state reverses the actions, so a policy
/// that cannot tell states apart does best by acting at random (Sutton and Barto, 2nd ed., Example 13.1).
/// <para><b>Description.</b> Three non-terminal states 0, 1, 2 in a row and the goal 3 on the right. In states
/// 0 and 2 the actions move as named; in state 1 they are switched (right moves left, left moves right). Moving
/// left from state 0 stays in state 0. The book's agent sees every state alike (one feature vector per action);
/// the observation here is the true state, so an agent reproducing the example ignores it.</para>
/// <para><b>Action space.</b> <c>Discrete(2)</c>: 0 left, 1 right.</para>
/// <para><b>Observation space.</b> <c>Discrete(4)</c>: the state 0..2, 3 the goal.</para>
/// <para><b>Rewards.</b> −1 per step.</para>
/// <para><b>Starting state.</b> 0.</para>
/// <para><b>Episode end.</b> Terminates at the goal. The registry truncates after 1 000 steps, a safety net for
/// deterministic policies that never arrive. The best policy that ignores the state goes right with probability
/// 2 − √2 ≈ 0.59 and has value ≈ −11.6 from the start (<see cref="StartValue"/>).</para>
/// <para><b>Arguments.</b> None.</para>
/// <para><b>Version history.</b> v0: initial version.</para>
/// </summary>
public sealed class ShortCorridorEnv : TabularEnv
{
    /// <summary>The goal state.</summary>
    public const int GoalState = 3;

    /// <summary>The state whose actions are switched.</summary>
    public const int SwitchedState = 1;

    private static readonly string[] s_actionNames = ["left", "right"];

    /// <summary>The options <see cref="FromOptions"/> reads (none).</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [];

    /// <summary>Creates the environment.</summary>
    public ShortCorridorEnv() : base(4, 2)
    {
        for (int s = 0; s < GoalState; s++)
            for (int a = 0; a < 2; a++)
            {
                int direction = (a == 1 ? 1 : -1) * (s == SwitchedState ? -1 : 1);
                int next = Math.Max(s + direction, 0);
                SetOutcomes(s, a, new Outcome(1.0, next, -1, next == GoalState));
            }
        SetTerminal(GoalState);
        SetStartStates(0);
    }

    /// <summary>
    /// The exact value of the start state when every state goes right with probability <paramref name="pRight"/>,
    /// from the Bellman equations of the three states (−∞ when the goal is never reached).
    /// </summary>
    public static double StartValue(double pRight)
    {
        // v0 = -1 + p v1 + (1-p) v0, v1 = -1 + (1-p) v2 + p v0, v2 = -1 + (1-p) v1 (+ p · 0), solved for v0.
        double p = pRight, q = 1 - pRight;
        if (p <= 0 || q <= 0) return double.NegativeInfinity;
        // From the first: v1 = v0 + 1/p. From the third: v2 = -1 + q v1. Substitute both into the second.
        // v0 + 1/p = -1 + q(-1 + q(v0 + 1/p)) + p v0  =>  v0 (1 - q² - p) = -1 - q + q²/p - 1/p
        return (-1 - q + q * q / p - 1 / p) / (1 - q * q - p);
    }

    /// <summary>Builds the environment (no options).</summary>
    public static ShortCorridorEnv FromOptions(EnvOptions options) => new();

    /// <inheritdoc />
    public override IReadOnlyList<string> ActionNames => s_actionNames;

    /// <inheritdoc />
    public override int Rows => 1;

    /// <inheritdoc />
    public override int Columns => 4;

    /// <inheritdoc />
    public override CellKind CellAt(int row, int column) => column switch
    {
        0 => CellKind.Start,
        GoalState => CellKind.Goal,
        _ => CellKind.Floor,
    };

    /// <summary>'S', 'G', 'x' for the switched state, '.' otherwise.</summary>
    public override char CharAt(int row, int column) => column switch
    {
        0 => 'S',
        GoalState => 'G',
        SwitchedState => 'x',
        _ => '.',
    };

    /// <inheritdoc />
    public override (int Row, int Column) CellOf(int state) => (0, state);
}
