namespace RlGym.Envs.Games.TicTacToe;

/// <summary>
/// A tic-tac-toe position: one bit per cell (cell = row · 3 + column) for each player's marks, the winner (−1 none)
/// and the plies played. Player 0 (X) moves on even plies.
/// </summary>
public readonly record struct TicTacToeState(ushort First, ushort Second, sbyte Winner, byte Plies);
