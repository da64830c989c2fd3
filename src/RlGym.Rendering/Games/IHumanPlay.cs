using RlGym.Rendering.Live;

namespace RlGym.Rendering.Games;

/// <summary>
/// A person's game against a player as the play window drives it, whatever the game: what to draw, and what a
/// move, a new game and the passing of time do. <see cref="HumanPlay{TState,TRules}"/> is the one implementation.
/// Times are seconds on the caller's clock.
/// </summary>
public interface IHumanPlay
{
    /// <summary>Moves of the game: cells or columns, numbered from 0; the keys 1, 2, … play them.</summary>
    int ActionCount { get; }

    /// <summary>What to draw now: the board and the match panel.</summary>
    FrameSnapshot Frame { get; }

    /// <summary>Games won by the person, by the opponent, and drawn.</summary>
    (int Human, int Opponent, int Draws) Score { get; }

    /// <summary>True while the opponent searches or its answer is on show.</summary>
    bool OpponentBusy { get; }

    /// <summary>The notice to show at <paramref name="now"/> (a refused move), or null.</summary>
    string? Notice(double now);

    /// <summary>Asks the opponent when it is its turn, and lands its answer once it has been shown long enough.</summary>
    void Update(double now);

    /// <summary>The person's move; a refused one leaves a notice and changes nothing.</summary>
    void Move(int action, double now);

    /// <summary>Starts a new game with the sides swapped.</summary>
    void NewGame(double now);

    /// <summary>Waits until the opponent is not searching (before the window lets go of the game).</summary>
    void WaitForOpponent();
}
