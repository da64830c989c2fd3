using RlGym.Core.MultiAgent;
using RlGym.Core.Registration;

namespace RlGym.Envs.Games.ConnectFour;

/// <summary>
/// Connect Four for two players on 6 rows and 7 columns (PettingZoo's <c>connect_four_v3</c>, in RlGym's turn-based
/// contract).
/// <para><b>Description.</b> Players take turns dropping a disc into a column that is not full; the disc falls to the
/// lowest empty cell. Four of a player's discs in a row, a column or a diagonal win; a full board (42 discs) is a
/// draw. The first player wins with perfect play.</para>
/// <para><b>Action space.</b> <c>Discrete(7)</c>: the column, 0 at the left. The legal moves are the columns that
/// are not full (<see cref="ITurnBasedEnv.ActionMask"/>).</para>
/// <para><b>Observation space.</b> <c>Box(0, 1, (6, 7, 2))</c>: the board, top row first, from the point of view of
/// the player to move; plane 0 holds its discs, plane 1 the opponent's.</para>
/// <para><b>Rewards.</b> +1 to the winner and −1 to the loser, 0 to both for a draw and for every other move. A step
/// returns the reward of the player who moved; every player's is in <see cref="ITurnBasedEnv.Rewards"/>. An illegal
/// move (a full column) ends the game: −1 to the player who made it, 0 to the other.</para>
/// <para><b>Starting state.</b> The empty board, the first player to move.</para>
/// <para><b>Episode end.</b> Terminates on four in a line, a full board or an illegal move. No time limit (a game
/// lasts at most 42 moves).</para>
/// <para><b>Arguments.</b> None.</para>
/// <para><b>Version history.</b> v0: initial release.</para>
/// </summary>
public sealed class ConnectFourEnv() : TurnBasedEnv<ConnectFourState, ConnectFourRules>(default, "first", "second")
{
    /// <summary>The options the environment reads (none).</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [];
}
