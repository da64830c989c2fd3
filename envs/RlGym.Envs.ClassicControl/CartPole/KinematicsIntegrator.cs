namespace RlGym.Envs.ClassicControl;

/// <summary>How <see cref="CartPoleEnv"/> advances positions from accelerations over one time step (Gymnasium's <c>kinematics_integrator</c>).</summary>
public enum KinematicsIntegrator
{
    /// <summary>Explicit Euler: positions move with the old velocities, then velocities with the accelerations (Gymnasium's default).</summary>
    Euler,

    /// <summary>Semi-implicit Euler: velocities first, then positions with the new velocities.</summary>
    SemiImplicitEuler,
}
