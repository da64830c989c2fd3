namespace RlGym.Envs.ClassicControl;

/// <summary>The pendulum's physical state in float64, as Gymnasium keeps it between steps.</summary>
/// <param name="Theta">Angle (rad), 0 upright, positive counter-clockwise; not wrapped (it grows as the pendulum spins).</param>
/// <param name="ThetaDot">Angular velocity (rad/s), within ±8.</param>
public readonly record struct PendulumState(double Theta, double ThetaDot);
