namespace RlGym.Envs.ClassicControl;

/// <summary>The acrobot's physical state in float64, as Gymnasium keeps it between steps.</summary>
/// <param name="Theta1">Angle of the first link (rad), 0 hanging straight down, wrapped to [-π, π].</param>
/// <param name="Theta2">Angle of the second link relative to the first (rad), wrapped to [-π, π].</param>
/// <param name="Theta1Dot">Angular velocity of the first joint (rad/s), within ±4π.</param>
/// <param name="Theta2Dot">Angular velocity of the second joint (rad/s), within ±9π.</param>
public readonly record struct AcrobotState(double Theta1, double Theta2, double Theta1Dot, double Theta2Dot);
