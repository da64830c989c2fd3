using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// <b>Description.</b> The acrobot of Sutton (1996), "Generalization in reinforcement learning: successful examples
/// using sparse coarse coding", and Sutton and Barto's book: two links hang in a chain from a fixed pivot and only the
/// joint between them is driven. Starting from hanging down, the torque must swing the free end above a target height.
/// Dynamics, constants and integration are Gymnasium 1.x's <c>Acrobot-v1</c>.
/// </summary>
/// <remarks>
/// <para><b>Action space.</b> <c>Discrete(3)</c>: torque -1, 0 or +1 N·m on the joint between the links.</para>
/// <para><b>Observation space.</b> <c>Box(6,)</c> of float32: cos θ1, sin θ1, cos θ2, sin θ2 in [-1, 1], θ̇1 in
/// [-4π, 4π] and θ̇2 in [-9π, 9π]. θ1 = 0 is the first link pointing down; θ2 is measured relative to the first
/// link, so [1, 0, 1, 0, ·, ·] is both links hanging straight down.</para>
/// <para><b>Rewards.</b> -1 for every step that does not reach the target, 0 for the one that does. Solved at -100.</para>
/// <para><b>Starting state.</b> θ1, θ2, θ̇1 and θ̇2 each uniform in [-0.1, 0.1), rounded to float32 as Gymnasium
/// stores them; reset options <c>low</c> and <c>high</c> change the interval.</para>
/// <para><b>Episode end.</b> Terminated when the free end is more than one link length above the pivot:
/// −cos θ1 − cos(θ2 + θ1) &gt; 1. Truncated by the registry's time limit after 500 steps.</para>
/// <para><b>Transition.</b> The torque is appended to the state and the equations of motion are integrated by one
/// fourth-order Runge–Kutta step over [0, 0.2] s (derivatives at t, t + dt/2, t + dt/2, t + dt); then both angles are
/// wrapped to [-π, π] and the velocities clipped to ±4π and ±9π. Both links have length 1 m, mass 1 kg, centre of
/// mass at 0.5 m and moment of inertia 1; g = 9.8.</para>
/// <para><b>Arguments.</b> None at construction. <see cref="Dynamics"/> (Gymnasium's <c>book_or_nips</c>) and
/// <see cref="TorqueNoiseMax"/> (<c>torque_noise_max</c>, 0) are settable attributes, as in Gymnasium. Reset options
/// <c>low</c>/<c>high</c> as above.</para>
/// <para><b>Version history.</b> v1: time limit raised from 200 to 500 steps; the observation gives the sine and
/// cosine of each angle instead of the angles. v0: the initial release.</para>
/// </remarks>
public sealed class AcrobotEnv : Env<float[], int>, IStatefulEnv
{
    /// <summary>Seconds per step.</summary>
    public const double Dt = 0.2;

    /// <summary>Length of the first link (m).</summary>
    public const double LinkLength1 = 1.0;

    /// <summary>Length of the second link (m).</summary>
    public const double LinkLength2 = 1.0;

    /// <summary>Mass of the first link (kg).</summary>
    public const double LinkMass1 = 1.0;

    /// <summary>Mass of the second link (kg).</summary>
    public const double LinkMass2 = 1.0;

    /// <summary>Distance from the pivot to the first link's centre of mass (m).</summary>
    public const double LinkComPos1 = 0.5;

    /// <summary>Distance from the joint to the second link's centre of mass (m).</summary>
    public const double LinkComPos2 = 0.5;

    /// <summary>Moment of inertia of each link.</summary>
    public const double LinkMoi = 1.0;

    /// <summary>Bound on |θ̇1|: 4π.</summary>
    public const double MaxVel1 = 4 * Math.PI;

    /// <summary>Bound on |θ̇2|: 9π.</summary>
    public const double MaxVel2 = 9 * Math.PI;

    private const double G = 9.8;

    private readonly Box _observationSpace = new(
        [-1f, -1f, -1f, -1f, -(float)MaxVel1, -(float)MaxVel2],
        [1f, 1f, 1f, 1f, (float)MaxVel1, (float)MaxVel2]);
    private readonly Discrete _actionSpace = new(3);
    private readonly ObservationBuffer _observations = new(6);
    private AcrobotState _state;
    private bool _hasState;

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public override Space<int> ActionSpace => _actionSpace;

    /// <summary>The equations of motion; the book's by default.</summary>
    public AcrobotDynamics Dynamics { get; set; } = AcrobotDynamics.Book;

    /// <summary>Half-width of the uniform noise added to each torque; 0 (no noise) by default.</summary>
    public double TorqueNoiseMax { get; set; }

    /// <summary>The physical state in float64; setting it makes the next <see cref="Step"/> start from there.</summary>
    public AcrobotState State
    {
        get => _state;
        set
        {
            _state = value;
            _hasState = true;
        }
    }

    /// <summary>The torque of each action: -1, 0, +1.</summary>
    public static double Torque(int action) => action - 1.0;

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        var (low, high) = ResetBounds.Parse(options, -0.1, 0.1);
        // Gymnasium casts the starting draw to float32; the steps after it run in float64.
        double theta1 = (float)Random.Uniform(low, high);
        double theta2 = (float)Random.Uniform(low, high);
        double theta1Dot = (float)Random.Uniform(low, high);
        double theta2Dot = (float)Random.Uniform(low, high);
        State = new AcrobotState(theta1, theta2, theta1Dot, theta2Dot);
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(int action)
    {
        CheckAction(action);
        if (!_hasState) throw new InvalidOperationException("AcrobotEnv: call Reset before Step.");

        double torque = Torque(action);
        if (TorqueNoiseMax > 0) torque += Random.Uniform(-TorqueNoiseMax, TorqueNoiseMax);

        // One classical Runge–Kutta step over [0, Dt]; the torque rides along as a fifth state with zero derivative.
        Span<double> y = stackalloc double[4];
        (y[0], y[1], y[2], y[3]) = (_state.Theta1, _state.Theta2, _state.Theta1Dot, _state.Theta2Dot);
        Span<double> k1 = stackalloc double[4], k2 = stackalloc double[4], k3 = stackalloc double[4], k4 = stackalloc double[4];
        Span<double> yi = stackalloc double[4];
        const double dt = Dt - 0.0;
        const double dt2 = dt / 2.0;

        Derivatives(y, torque, k1);
        for (int i = 0; i < 4; i++) yi[i] = y[i] + dt2 * k1[i];
        Derivatives(yi, torque, k2);
        for (int i = 0; i < 4; i++) yi[i] = y[i] + dt2 * k2[i];
        Derivatives(yi, torque, k3);
        for (int i = 0; i < 4; i++) yi[i] = y[i] + dt * k3[i];
        Derivatives(yi, torque, k4);
        for (int i = 0; i < 4; i++) y[i] = y[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);

        _state = new AcrobotState(
            Wrap(y[0], -Math.PI, Math.PI),
            Wrap(y[1], -Math.PI, Math.PI),
            Math.Min(Math.Max(y[2], -MaxVel1), MaxVel1),
            Math.Min(Math.Max(y[3], -MaxVel2), MaxVel2));

        bool terminated = IsTerminal(_state);
        return new StepResult<float[]>(Observe(), terminated ? 0.0 : -1.0, terminated, false, Info.Empty);
    }

    /// <summary>True when the free end is above the target line: −cos θ1 − cos(θ2 + θ1) &gt; 1.</summary>
    public static bool IsTerminal(AcrobotState s) => -Math.Cos(s.Theta1) - Math.Cos(s.Theta2 + s.Theta1) > 1.0;

    // Products and sums are grouped as in Gymnasium's _dsdt so that float64 rounding agrees with it. Gymnasium squares
    // with `**`, which NumPy hands to the C library's pow(); Math.Pow calls the same function, where x * x can differ
    // from it in the last bit and the difference grows over a few hundred steps.
    private void Derivatives(ReadOnlySpan<double> s, double a, Span<double> dsdt)
    {
        const double m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkComPos1, lc2 = LinkComPos2;
        const double i1 = LinkMoi, i2 = LinkMoi;
        double theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3];

        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.Cos(theta2)) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.Cos(theta2)) + i2;
        double phi2 = m2 * lc2 * G * Math.Cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * Math.Pow(dtheta2, 2) * Math.Sin(theta2)
            - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.Sin(theta2)
            + (m1 * lc1 + m2 * l1) * G * Math.Cos(theta1 - Math.PI / 2)
            + phi2;
        double ddtheta2 = Dynamics == AcrobotDynamics.Nips
            ? (a + d2 / d1 * phi1 - phi2) / (m2 * (lc2 * lc2) + i2 - Math.Pow(d2, 2) / d1)
            : (a + d2 / d1 * phi1 - m2 * l1 * lc2 * Math.Pow(dtheta1, 2) * Math.Sin(theta2) - phi2)
              / (m2 * (lc2 * lc2) + i2 - Math.Pow(d2, 2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;

        dsdt[0] = dtheta1;
        dsdt[1] = dtheta2;
        dsdt[2] = ddtheta1;
        dsdt[3] = ddtheta2;
    }

    // Shifts by whole turns rather than taking a remainder, as Gymnasium does, so angles inside the range are untouched.
    private static double Wrap(double x, double min, double max)
    {
        double span = max - min;
        while (x > max) x -= span;
        while (x < min) x += span;
        return x;
    }

    private float[] Observe()
    {
        var o = _observations.Next();
        o[0] = (float)Math.Cos(_state.Theta1);
        o[1] = (float)Math.Sin(_state.Theta1);
        o[2] = (float)Math.Cos(_state.Theta2);
        o[3] = (float)Math.Sin(_state.Theta2);
        o[4] = (float)_state.Theta1Dot;
        o[5] = (float)_state.Theta2Dot;
        return o;
    }

    /// <inheritdoc />
    public bool CanSaveState => true;

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state.Theta1);
        writer.Write(_state.Theta2);
        writer.Write(_state.Theta1Dot);
        writer.Write(_state.Theta2Dot);
        writer.Write(_hasState);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        _state = new AcrobotState(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        _hasState = reader.ReadBoolean();
    }
}
