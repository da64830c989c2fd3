using System.Runtime.CompilerServices;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// <b>Description.</b> The cart-pole balancing task of Barto, Sutton and Anderson (1983), "Neuronlike adaptive
/// elements that can solve difficult learning control problems": a pole stands on an unactuated hinge on top of a
/// cart that rolls without friction along a track; pushing the cart left or right must keep the pole upright.
/// Dynamics, constants and thresholds are Gymnasium 1.x's <c>CartPole-v1</c> (and <c>-v0</c>).
/// </summary>
/// <remarks>
/// <para><b>Action space.</b> <c>Discrete(2)</c>: 0 pushes the cart left, 1 pushes it right, with a fixed force of
/// 10 N. How much the cart's velocity changes is not fixed: it depends on the pole's angle and spin.</para>
/// <para><b>Observation space.</b> <c>Box(4,)</c> of float32: cart position in [-4.8, 4.8], cart velocity
/// unbounded, pole angle in about [-0.419, 0.419] rad (±24°), pole angular velocity unbounded. The bounds are twice
/// the termination thresholds, so the observation of the step that fails is still inside the box.</para>
/// <para><b>Rewards.</b> +1 for every step, the terminating one included; 0 for a step taken after termination.
/// With <c>sutton_barto_reward</c>, 0 for every step that does not terminate and -1 for the one that does (and for
/// any step after it), as in the original paper. Solved at 475 (v1) or 195 (v0).</para>
/// <para><b>Starting state.</b> All four state variables uniform in [-0.05, 0.05), drawn in float64 from the
/// environment's generator; reset options <c>low</c> and <c>high</c> change the interval.</para>
/// <para><b>Episode end.</b> Terminated when the cart position leaves [-2.4, 2.4] or the pole angle leaves
/// [-12°, 12°] (12·2π/360 rad); the bounds themselves are still alive. Truncated by the registry's time limit
/// after 500 steps (v1) or 200 (v0).</para>
/// <para><b>Arguments.</b> <c>sutton_barto_reward</c> (bool, default false) as above; <c>kinematics_integrator</c>
/// (<c>euler</c>, the default, or <c>semi-implicit-euler</c>), which Gymnasium keeps as an attribute.
/// Reset options <c>low</c>/<c>high</c> bound the starting state (Gymnasium's <c>maybe_parse_reset_bounds</c>).</para>
/// <para><b>Version history.</b> v1: time limit raised to 500 steps; Gymnasium 1.0.0a2 added
/// <c>sutton_barto_reward</c>. v0: the initial release, 200 steps.</para>
/// <para>The state is kept in float64 and integrated in the same order of operations as Gymnasium, so a trajectory
/// from the same starting state agrees with Gymnasium's in every float32 observation.</para>
/// </remarks>
public sealed class CartPoleEnv : Env<float[], int>, IStatefulEnv
{
    /// <summary>Gravitational acceleration (m/s²).</summary>
    public const double Gravity = 9.8;

    /// <summary>Mass of the cart (kg).</summary>
    public const double MassCart = 1.0;

    /// <summary>Mass of the pole (kg).</summary>
    public const double MassPole = 0.1;

    /// <summary>Cart plus pole (kg).</summary>
    public const double TotalMass = MassPole + MassCart;

    /// <summary>Half the pole's length (m): the distance from the hinge to the pole's centre of mass.</summary>
    public const double Length = 0.5;

    /// <summary>Pole mass times half-length (kg·m).</summary>
    public const double PoleMassLength = MassPole * Length;

    /// <summary>Magnitude of the push (N).</summary>
    public const double ForceMag = 10.0;

    /// <summary>Seconds per step.</summary>
    public const double Tau = 0.02;

    /// <summary>The cart terminates the episode beyond ±this position (m).</summary>
    public const double XThreshold = 2.4;

    /// <summary>The pole terminates the episode beyond ±this angle: 12° in radians.</summary>
    public const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;

    // Gymnasium 1.x bounds the velocities by infinity (0.29 used float32's largest value).
    private readonly Box _observationSpace = CreateObservationSpace();
    private readonly Discrete _actionSpace = new(2);
    private readonly ObservationBuffer _observations = new(4);
    private CartPoleState _state;
    private bool _hasState;
    private bool _terminated;

    /// <summary>Creates the environment.</summary>
    /// <param name="suttonBartoReward">Reward 0 per step and -1 on termination instead of +1 per step.</param>
    /// <param name="integrator">How positions follow from accelerations; Gymnasium's default is explicit Euler.</param>
    public CartPoleEnv(bool suttonBartoReward = false, KinematicsIntegrator integrator = KinematicsIntegrator.Euler)
    {
        SuttonBartoReward = suttonBartoReward;
        Integrator = integrator;
    }

    /// <summary>True when rewards follow Sutton and Barto (0 per step, -1 on failure).</summary>
    public bool SuttonBartoReward { get; }

    /// <summary>The integration scheme.</summary>
    public KinematicsIntegrator Integrator { get; }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public override Space<int> ActionSpace => _actionSpace;

    /// <summary>
    /// The physical state in float64. Setting it (for tests, or to start from a chosen state) makes the next
    /// <see cref="Step"/> integrate from there; termination bookkeeping is left as it was.
    /// </summary>
    public CartPoleState State
    {
        get => _state;
        set
        {
            _state = value;
            _hasState = true;
        }
    }

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        var (low, high) = ResetBounds.Parse(options, -0.05, 0.05);
        double x = Random.Uniform(low, high);
        double xDot = Random.Uniform(low, high);
        double theta = Random.Uniform(low, high);
        double thetaDot = Random.Uniform(low, high);
        State = new CartPoleState(x, xDot, theta, thetaDot);
        _terminated = false;
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    // Inlined wherever the JIT devirtualizes a call to it (a training loop, the registry's wrappers), so that the
    // result stays in registers: returned from a call it goes through memory, which cost the wrapped step about 10%.
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override StepResult<float[]> Step(int action)
    {
        // Range test inline, the error (built from the action space) out of line: this is the hot path.
        if ((uint)action > 1u || !_hasState) ThrowNotSteppable(action);

        var (x, xDot, theta, thetaDot) = _state;
        double force = action == 1 ? ForceMag : -ForceMag;
        // One sincos call; glibc's sincos shares sin's and cos's code, so the values are those of Math.Sin and Math.Cos.
        var (sinTheta, cosTheta) = Math.SinCos(theta);

        // Florian (2007), "Correct equations for the dynamics of the cart-pole system", frictionless case.
        // The grouping of every product and quotient is Gymnasium's, so float64 rounding agrees with it.
        double temp = (force + PoleMassLength * (thetaDot * thetaDot) * sinTheta) / TotalMass;
        double thetaAcc = (Gravity * sinTheta - cosTheta * temp)
            / (Length * (4.0 / 3.0 - MassPole * (cosTheta * cosTheta) / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cosTheta / TotalMass;

        if (Integrator == KinematicsIntegrator.Euler)
        {
            x = x + Tau * xDot;
            xDot = xDot + Tau * xAcc;
            theta = theta + Tau * thetaDot;
            thetaDot = thetaDot + Tau * thetaAcc;
        }
        else
        {
            xDot = xDot + Tau * xAcc;
            x = x + Tau * xDot;
            thetaDot = thetaDot + Tau * thetaAcc;
            theta = theta + Tau * thetaDot;
        }
        _state = new CartPoleState(x, xDot, theta, thetaDot);

        bool terminated = x < -XThreshold || x > XThreshold || theta < -ThetaThresholdRadians || theta > ThetaThresholdRadians;

        double reward;
        if (!terminated) reward = SuttonBartoReward ? 0.0 : 1.0;
        else if (!_terminated)
        {
            _terminated = true;
            reward = SuttonBartoReward ? -1.0 : 1.0;
        }
        else
        {
            // Stepping past the end is undefined in Gymnasium; it pays nothing (or keeps the failure penalty).
            reward = SuttonBartoReward ? -1.0 : 0.0;
        }

        return new StepResult<float[]>(Observe(), reward, terminated, false, Info.Empty);
    }

    /// <summary>The observation space, shared with <see cref="CartPoleVectorEnv"/>.</summary>
    internal static Box CreateObservationSpace() => new(
        [(float)(-XThreshold * 2), float.NegativeInfinity, (float)(-ThetaThresholdRadians * 2), float.NegativeInfinity],
        [(float)(XThreshold * 2), float.PositiveInfinity, (float)(ThetaThresholdRadians * 2), float.PositiveInfinity]);

    private void ThrowNotSteppable(int action)
    {
        CheckAction(action);
        throw new InvalidOperationException("CartPoleEnv: call Reset before Step.");
    }

    private float[] Observe()
    {
        var o = _observations.Next();
        o[0] = (float)_state.X;
        o[1] = (float)_state.XDot;
        o[2] = (float)_state.Theta;
        o[3] = (float)_state.ThetaDot;
        return o;
    }

    /// <inheritdoc />
    public bool CanSaveState => true;

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state.X);
        writer.Write(_state.XDot);
        writer.Write(_state.Theta);
        writer.Write(_state.ThetaDot);
        writer.Write(_hasState);
        writer.Write(_terminated);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        _state = new CartPoleState(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        _hasState = reader.ReadBoolean();
        _terminated = reader.ReadBoolean();
    }
}
