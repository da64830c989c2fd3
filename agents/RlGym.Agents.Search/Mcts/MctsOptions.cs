using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Search.Mcts;

/// <summary>Settings of <see cref="MctsPlayer{TState,TRules}"/>.</summary>
public sealed record MctsOptions
{
    /// <summary>Simulations (select, expand, roll out, back up) per move.</summary>
    [Description("simulations per move: selection, expansion, random rollout, backup")]
    [Range(1, 10_000_000)]
    public int Simulations { get; init; } = 1000;

    /// <summary>The exploration constant c of Q + c √(ln N / n); √2 is UCB1's for rewards in [0, 1].</summary>
    [Description("exploration constant c of the UCT score Q + c √(ln N / n)")]
    [Range(0.0, 100.0)]
    public double C { get; init; } = Math.Sqrt(2);

    /// <summary>
    /// Proves wins and losses in the tree (MCTS-Solver) and lets them steer selection and the final move. Off by default:
    /// once a reply is proven to lose, the solver stops visiting it, so the search no longer credits moves that leave
    /// the opponent many ways to go wrong, and a fallible opponent is beaten less often (tic-tac-toe against random,
    /// 1,000 simulations: 94.7% of games won with it, 95.3% without).
    /// </summary>
    [Description("prove wins and losses in the tree (MCTS-Solver) and steer by them")]
    public bool Solver { get; init; }

    /// <summary>Rollouts take an immediate win and block the opponent's immediate win; otherwise they move at random.</summary>
    [Description("rollouts take an immediate win and block an immediate loss, else move at random")]
    public bool TacticalRollouts { get; init; } = true;
}
