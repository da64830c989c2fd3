namespace RlGym.Envs.Games.ConnectFour;

/// <summary>
/// A Connect Four position as two bitboards, one per player: column c, height h (0 at the bottom) is bit
/// <c>c · 7 + h</c>, with one empty sentinel bit on top of each column so that lines never wrap. Also the winner (−1
/// none) and the plies played; player 0 moves on even plies.
/// </summary>
public readonly record struct ConnectFourState(ulong First, ulong Second, sbyte Winner, byte Plies);
