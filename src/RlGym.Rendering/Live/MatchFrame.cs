namespace RlGym.Rendering.Live;

/// <summary>
/// A board-game match as the panel beside the board shows it: who plays which pieces, the game and the score so far,
/// what is happening now (whose turn, who is thinking, the result) and the keys.
/// </summary>
/// <param name="Players">The players' names, e.g. <c>you</c> and <c>mcts:simulations=200</c>.</param>
/// <param name="Seats">Each player's seat this game: 0 moves first and plays the first pieces (X), 1 the second (O).</param>
/// <param name="Game">The game shown, counted from 1.</param>
/// <param name="Games">How many games are played, when known (a replay); null when open-ended (a person playing).</param>
/// <param name="Wins">Games each player has won so far.</param>
/// <param name="Draws">Games drawn so far.</param>
/// <param name="Status">What is happening now, or the result once the game is over.</param>
/// <param name="Keys">The keys, as the last line shows them.</param>
public sealed record MatchFrame(
    IReadOnlyList<string> Players,
    IReadOnlyList<int> Seats,
    int Game,
    int? Games,
    IReadOnlyList<int> Wins,
    int Draws,
    string Status,
    string Keys);
