using System.Runtime.CompilerServices;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// <b>Description.</b> The inverted pendulum swing-up from classic control theory: a rod hangs from a fixed pivot,
/// starts at a random angle, and a limited torque at the pivot must swing it up and hold it upright, its centre of
/// gravity straight above the pivot. Dynamics and constants are Gymnasium 1.x's <c>Pendulum-v1</c>.
/// </summary>
/// <remarks>
/// <para><b>Action space.</b> <c>Box(-2, 2, (1,), float32)</c>: the torque (N·m), positive counter-clockwise.
/// Torques outside [-2, 2] are clipped, as in Gymnasium; an array of the wrong length or a NaN is refused.</para>
/// <para><b>Observation space.</b> <c>Box(3,)</c> of float32: x = cos θ and y = sin θ in [-1, 1] (the free end's
/// coordinates), angular velocity in [-8, 8].</para>
/// <para><b>Rewards.</b> r = −(θ² + 0.1·θ̇² + 0.001·u²) with θ normalised to [-π, π) and u the clipped torque,
/// computed from the state before the step: between −16.2736044 and 0. No threshold.</para>
/// <para><b>Starting state.</b> θ uniform in [-π, π), θ̇ uniform in [-1, 1); reset options <c>x_init</c> and
/// <c>y_init</c> replace the half-widths π and 1.</para>
/// <para><b>Episode end.</b> Never terminates. Truncated by the registry's time limit after 200 steps.</para>
/// <para><b>Transition.</b> θ̇ += (3g/(2l)·sin θ + 3/(ml²)·u)·dt, clipped to [-8, 8]; then θ += θ̇·dt with the new
/// θ̇. dt = 0.05 s, m = 1 kg, l = 1 m. The torque terms are computed in float32, as NumPy 2 does for a float32
/// action.</para>
/// <para><b>Arguments.</b> <c>g</c> (default 10.0): gravitational acceleration (m/s²). Reset options
/// <c>x_init</c>/<c>y_init</c> as above.</para>
/// <para><b>Version history.</b> v1: simpler equations, the same behaviour. v0: the initial release.</para>
/// </remarks>
public sealed class PendulumEnv : Env<float[], float[]>, IStatefulEnv
{
    /// <summary>Bound on |θ̇| (rad/s).</summary>
    public const double MaxSpeed = 8;

    /// <summary>Bound on |torque| (N·m).</summary>
    public const float MaxTorque = 2.0f;

    /// <summary>Seconds per step.</summary>
    public const double Dt = 0.05;

    /// <summary>Mass of the rod (kg).</summary>
    public const double Mass = 1.0;

    /// <summary>Length of the rod (m).</summary>
    public const double Length = 1.0;

    private readonly Box _observationSpace = CreateObservationSpace();
    private readonly Box _actionSpace = CreateActionSpace();
    private readonly ObservationBuffer _observations = new(3);
    private PendulumState _state;
    private bool _hasState;

    /// <summary>Creates the environment.</summary>
    /// <param name="g">Gravitational acceleration (m/s²).</param>
    public PendulumEnv(double g = 10.0) => G = g;

    /// <summary>Gravitational acceleration (m/s²).</summary>
    public double G { get; }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public override Space<float[]> ActionSpace => _actionSpace;

    /// <summary>The physical state in float64; setting it makes the next <see cref="Step"/> start from there.</summary>
    public PendulumState State
    {
        get => _state;
        set
        {
            _state = value;
            _hasState = true;
        }
    }

    /// <summary>The clipped torque of the last step, for drawing; null after a reset.</summary>
    public float? LastTorque { get; private set; }

    /// <summary>An angle mapped to [-π, π), by the floored remainder NumPy's <c>%</c> computes.</summary>
    public static double AngleNormalize(double x)
    {
        const double turn = 2 * Math.PI;
        double m = (x + Math.PI) % turn;
        if (m < 0) m += turn;
        else if (m == 0) m = 0.0; // NumPy gives the divisor's sign to a zero remainder
        return m - Math.PI;
    }

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        double x = options?.GetDouble("x_init", Math.PI) ?? Math.PI;
        double y = options?.GetDouble("y_init", 1.0) ?? 1.0;
        // Gymnasium draws low + (high - low)·U with low = -high, θ first.
        double theta = Random.Uniform(-x, x);
        double thetaDot = Random.Uniform(-y, y);
        State = new PendulumState(theta, thetaDot);
        LastTorque = null;
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(float[] action)
    {
        if (action is null || action.Length != 1 || float.IsNaN(action[0]))
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Action must be one torque, a number, for {ActionSpace}.");
        if (!_hasState) throw new InvalidOperationException("PendulumEnv: call Reset before Step.");

        float u = Math.Clamp(action[0], -MaxTorque, MaxTorque);
        LastTorque = u;
        (double reward, _state) = Transition(_state, u, G);
        return new StepResult<float[]>(Observe(), reward, false, false, Info.Empty);
    }

    /// <summary>The observation space, shared with <see cref="PendulumVectorEnv"/>.</summary>
    internal static Box CreateObservationSpace() => new([-1f, -1f, -(float)MaxSpeed], [1f, 1f, (float)MaxSpeed]);

    /// <summary>The action space, shared with <see cref="PendulumVectorEnv"/>.</summary>
    internal static Box CreateActionSpace() => new(-MaxTorque, MaxTorque, 1);

    /// <summary>
    /// The step's reward and new state from <paramref name="state"/> under the torque <paramref name="u"/> (already
    /// clipped), shared with <see cref="PendulumVectorEnv"/> so both compute it in one order of operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double Reward, PendulumState Next) Transition(PendulumState state, float u, double g)
    {
        var (th, thDot) = state;
        // NumPy 2 keeps a float32 action's products with Python floats in float32; the sums are float64. The squares
        // are `**` in Gymnasium, i.e. the C library's pow() and powf(), which Math.Pow and MathF.Pow also call.
        double an = AngleNormalize(th);
        double costs = Math.Pow(an, 2) + 0.1 * Math.Pow(thDot, 2) + 0.001f * MathF.Pow(u, 2);
        double newThDot = thDot + (3 * g / (2 * Length) * Math.Sin(th) + (float)(3.0 / (Mass * (Length * Length))) * u) * Dt;
        newThDot = Math.Clamp(newThDot, -MaxSpeed, MaxSpeed);
        double newTh = th + newThDot * Dt;
        return (-costs, new PendulumState(newTh, newThDot));
    }

    private float[] Observe()
    {
        var o = _observations.Next();
        Observe(_state, o);
        return o;
    }

    /// <summary>Writes the observation [cos θ, sin θ, θ̇] of <paramref name="state"/> into <paramref name="row"/>.</summary>
    internal static void Observe(PendulumState state, Span<float> row)
    {
        row[2] = (float)state.ThetaDot;
        row[1] = (float)Math.Sin(state.Theta);
        row[0] = (float)Math.Cos(state.Theta);
    }

    /// <inheritdoc />
    public bool CanSaveState => true;

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state.Theta);
        writer.Write(_state.ThetaDot);
        writer.Write(_hasState);
        writer.Write(LastTorque.HasValue);
        writer.Write(LastTorque ?? 0f);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        _state = new PendulumState(reader.ReadDouble(), reader.ReadDouble());
        _hasState = reader.ReadBoolean();
        bool hasTorque = reader.ReadBoolean();
        float torque = reader.ReadSingle();
        LastTorque = hasTorque ? torque : null;
    }
}
