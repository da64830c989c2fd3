namespace RlGym.Envs.ClassicControl;

/// <summary>
/// The cart-pole's physical state in float64, as Gymnasium keeps it between steps (the observation is its float32 copy).
/// </summary>
/// <param name="X">Cart position along the track (m), 0 at the centre.</param>
/// <param name="XDot">Cart velocity (m/s).</param>
/// <param name="Theta">Pole angle from upright (rad), positive clockwise (the pole leans right).</param>
/// <param name="ThetaDot">Pole angular velocity (rad/s).</param>
public readonly record struct CartPoleState(double X, double XDot, double Theta, double ThetaDot);
