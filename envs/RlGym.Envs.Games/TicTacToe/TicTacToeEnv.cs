using RlGym.Core.MultiAgent;
using RlGym.Core.Registration;

namespace RlGym.Envs.Games.TicTacToe;

/// <summary>
/// Tic-tac-toe for two players, X and O (PettingZoo's <c>tictactoe_v3</c>, in RlGym's turn-based contract).
/// <para><b>Description.</b> Players take turns marking an empty cell of a 3×3 grid; X moves first. Three marks in a
/// row, a column or a diagonal win; a full board without a line is a draw. Perfect play draws.</para>
/// <para><b>Action space.</b> <c>Discrete(9)</c>: the cell, <c>row · 3 + column</c>, row 0 at the top. The legal
/// moves are the empty cells (<see cref="ITurnBasedEnv.ActionMask"/>).</para>
/// <para><b>Observation space.</b> <c>Box(0, 1, (3, 3, 2))</c>: the board from the point of view of the player to
/// move; plane 0 holds its marks, plane 1 the opponent's.</para>
/// <para><b>Rewards.</b> +1 to the winner and −1 to the loser when a line is completed, 0 to both for a draw and
/// for every other move. A step returns the reward of the player who moved; every player's is in
/// <see cref="ITurnBasedEnv.Rewards"/>. An illegal move (an occupied cell) ends the game: −1 to the player who made
/// it, 0 to the other.</para>
/// <para><b>Starting state.</b> The empty board, X to move.</para>
/// <para><b>Episode end.</b> Terminates on a line, a full board (9 moves) or an illegal move. No time limit.</para>
/// <para><b>Arguments.</b> None.</para>
/// <para><b>Version history.</b> v0: initial release.</para>
/// </summary>
public sealed class TicTacToeEnv() : TurnBasedEnv<TicTacToeState, TicTacToeRules>(default, "X", "O")
{
    /// <summary>The options the environment reads (none).</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [];
}
