using RlGym.Core.Registration;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.MatrixGames;
using RlGym.Envs.Games.TicTacToe;

namespace RlGym.Envs.Games;

/// <summary>
/// Registers the multi-agent games: the turn-based board games tic-tac-toe and Connect Four, and the simultaneous
/// matrix games of lecture 7 (the prisoner's dilemma, matching pennies and the climbing game).
/// </summary>
public sealed class GameEnvironments : IEnvPackage
{
    /// <summary>The family of the board games, used to pick a scene when rendering.</summary>
    public const string BoardFamily = "board-game";

    /// <summary>The family of the matrix games.</summary>
    public const string MatrixFamily = "matrix-game";

    /// <inheritdoc />
    public void Register(EnvRegistry registry)
    {
        registry.Register(new EnvSpec
        {
            Id = "TicTacToe-v0",
            Factory = _ => new TicTacToeEnv(),
            Options = TicTacToeEnv.OptionInfos,
            Description = "Tic-tac-toe for two players, X and O, taking turns (turn-based multi-agent)",
            Family = BoardFamily,
        });
        registry.Register(new EnvSpec
        {
            Id = "ConnectFour-v0",
            Factory = _ => new ConnectFourEnv(),
            Options = ConnectFourEnv.OptionInfos,
            Description = "Connect Four on 6 rows and 7 columns for two players taking turns (turn-based multi-agent)",
            Family = BoardFamily,
        });
        registry.Register(new EnvSpec
        {
            Id = "PrisonersDilemma-v0",
            Factory = MatrixGameEnv.FromOptions(MatrixGame.PrisonersDilemma),
            Options = MatrixGameEnv.OptionInfos,
            Description = "The prisoner's dilemma, both players moving at once (simultaneous multi-agent, mixed)",
            Family = MatrixFamily,
        });
        registry.Register(new EnvSpec
        {
            Id = "MatchingPennies-v0",
            Factory = MatrixGameEnv.FromOptions(MatrixGame.MatchingPennies),
            Options = MatrixGameEnv.OptionInfos,
            Description = "Matching pennies, both players moving at once (simultaneous multi-agent, competitive)",
            Family = MatrixFamily,
        });
        registry.Register(new EnvSpec
        {
            Id = "ClimbingGame-v0",
            Factory = MatrixGameEnv.FromOptions(MatrixGame.ClimbingGame),
            Options = MatrixGameEnv.OptionInfos,
            Description = "Claus and Boutilier's climbing game, a coordination game (simultaneous multi-agent, cooperative)",
            Family = MatrixFamily,
        });
    }
}
