namespace RlGym.Envs.Games.MatrixGames;

/// <summary>
/// A two-player normal-form game: <c>Payoff(a, b)</c> is the pair of rewards when player 0 plays a and player 1
/// plays b. The shipped ones are the textbook examples of lecture 7's three settings.
/// </summary>
public sealed class MatrixGame
{
    private readonly double[,,] _payoffs;

    /// <summary>A game from its payoffs, <c>payoffs[a, b, player]</c>.</summary>
    public MatrixGame(string name, string[] firstActions, string[] secondActions, double[,,] payoffs)
    {
        if (payoffs.GetLength(0) != firstActions.Length || payoffs.GetLength(1) != secondActions.Length || payoffs.GetLength(2) != 2)
            throw new ArgumentException("The payoff array must be actions₀ × actions₁ × 2.", nameof(payoffs));
        Name = name;
        FirstActions = firstActions;
        SecondActions = secondActions;
        _payoffs = payoffs;
    }

    /// <summary>The game's name.</summary>
    public string Name { get; }

    /// <summary>Names of player 0's actions.</summary>
    public IReadOnlyList<string> FirstActions { get; }

    /// <summary>Names of player 1's actions.</summary>
    public IReadOnlyList<string> SecondActions { get; }

    /// <summary>Player <paramref name="player"/>'s reward when player 0 plays <paramref name="a"/> and player 1 plays <paramref name="b"/>.</summary>
    public double Payoff(int a, int b, int player) => _payoffs[a, b, player];

    /// <summary>
    /// The prisoner's dilemma with Axelrod's payoffs (T, R, P, S) = (5, 3, 1, 0): actions 0 cooperate, 1 defect.
    /// Mixed setting; defecting dominates, so (defect, defect) is the only Nash equilibrium although both cooperating
    /// pays more.
    /// </summary>
    public static MatrixGame PrisonersDilemma() => new("prisoner's dilemma", ["cooperate", "defect"], ["cooperate", "defect"],
        new double[,,] { { { 3, 3 }, { 0, 5 } }, { { 5, 0 }, { 1, 1 } } });

    /// <summary>
    /// Matching pennies: actions 0 heads, 1 tails; player 0 wins +1 when the coins match, player 1 when they differ.
    /// Fully competitive (zero-sum); the only equilibrium is mixed, each side ½ – ½, worth 0.
    /// </summary>
    public static MatrixGame MatchingPennies() => new("matching pennies", ["heads", "tails"], ["heads", "tails"],
        new double[,,] { { { 1, -1 }, { -1, 1 } }, { { -1, 1 }, { 1, -1 } } });

    /// <summary>
    /// The climbing game of Claus and Boutilier (1998), a fully cooperative coordination game: both players receive
    /// <c>[[11, −30, 0], [−30, 7, 6], [0, 0, 5]]</c>. The optimum (a, a) = 11 sits next to the heaviest penalties, so
    /// independent learners tend to settle on a safer, worse equilibrium.
    /// </summary>
    public static MatrixGame ClimbingGame()
    {
        double[,] r = { { 11, -30, 0 }, { -30, 7, 6 }, { 0, 0, 5 } };
        var p = new double[3, 3, 2];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) p[a, b, 0] = p[a, b, 1] = r[a, b];
        return new MatrixGame("climbing game", ["a", "b", "c"], ["a", "b", "c"], p);
    }
}
