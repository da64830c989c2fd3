namespace RlGym.Envs.ClassicControl;

/// <summary>The mountain car's physical state in float64, as Gymnasium keeps it between steps.</summary>
/// <param name="Position">Position along the x-axis, in [-1.2, 0.6]; the valley floor is near -0.52.</param>
/// <param name="Velocity">Velocity, in [-0.07, 0.07] per step.</param>
public readonly record struct MountainCarState(double Position, double Velocity);
