using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// <b>Description.</b> Moore's (1990) mountain car with a continuous engine: a car starts at the bottom of a
/// sinusoidal valley and must reach the flag on top of the right hill, but its engine is too weak to climb straight
/// up; it has to rock back and forth to build momentum, and every unit of force costs reward. The dynamics are
/// deterministic; only the starting position is random. Dynamics and constants are Gymnasium 1.x's
/// <c>MountainCarContinuous-v0</c>.
/// </summary>
/// <remarks>
/// <para><b>Action space.</b> <c>Box(-1, 1, (1,), float32)</c>: the force; values outside [-1, 1] are clipped, as in
/// Gymnasium; an array of the wrong length or a NaN is refused.</para>
/// <para><b>Observation space.</b> <c>Box(2,)</c> of float32: position in [-1.2, 0.6], velocity in [-0.07, 0.07].</para>
/// <para><b>Rewards.</b> −0.1·a² on every step, with a the action as given (not clipped); +100 more on the step
/// that reaches the flag. Solved at 90.</para>
/// <para><b>Starting state.</b> Position uniform in [-0.6, -0.4), velocity 0; reset options <c>low</c> and
/// <c>high</c> change the position's interval.</para>
/// <para><b>Episode end.</b> Terminated when position ≥ 0.45 (the flag) and velocity ≥ <c>goal_velocity</c>.
/// Truncated by the registry's time limit after 999 steps.</para>
/// <para><b>Transition.</b> velocity += clip(a, −1, 1)·0.0015 − 0.0025·cos(3·position), clipped to [-0.07, 0.07];
/// position += velocity, clipped to [-1.2, 0.6]; at the left wall a leftward velocity becomes 0 (an inelastic
/// collision). Gymnasium stores the state in float32 after every step and computes in float32 wherever NumPy 2's
/// promotion rules do (a float32 operand with a Python number); this class follows those rules to the bit.</para>
/// <para><b>Arguments.</b> <c>goal_velocity</c> (default 0): the least velocity that counts at the flag.
/// Reset options <c>low</c>/<c>high</c> as above.</para>
/// <para><b>Version history.</b> v0: the initial release.</para>
/// </remarks>
public sealed class MountainCarContinuousEnv : Env<float[], float[]>, IStatefulEnv
{
    /// <summary>The left wall.</summary>
    public const double MinPosition = -1.2;

    /// <summary>The right edge of the track.</summary>
    public const double MaxPosition = 0.6;

    /// <summary>The speed limit, per step.</summary>
    public const double MaxSpeed = 0.07;

    /// <summary>Where the flag stands (0.45 here, 0.5 in the discrete MountainCar).</summary>
    public const double GoalPosition = 0.45;

    /// <summary>Acceleration per unit of force, per step.</summary>
    public const double Power = 0.0015;

    /// <summary>Scale of the slope's pull per step.</summary>
    public const double Gravity = 0.0025;

    /// <summary>The reward for reaching the flag.</summary>
    public const double GoalReward = 100.0;

    private const uint StateMagic = 0x434D4352; // "RCMC" little-endian

    private readonly Box _observationSpace = new([(float)MinPosition, (float)-MaxSpeed], [(float)MaxPosition, (float)MaxSpeed]);
    private readonly Box _actionSpace = new(-1f, 1f, 1);
    private readonly ObservationBuffer _observations = new(2);
    private MountainCarState _state;
    private bool _hasState;

    // Gymnasium keeps a float64 state after a reset and a float32 one after a step; NumPy 2 computes in float32 when a
    // float32 meets a Python number, so the two cases round differently.
    private bool _single;

    /// <summary>Creates the environment.</summary>
    /// <param name="goalVelocity">The least velocity with which reaching the flag terminates the episode.</param>
    public MountainCarContinuousEnv(double goalVelocity = 0.0) => GoalVelocity = goalVelocity;

    /// <summary>The least velocity that counts at the flag.</summary>
    public double GoalVelocity { get; }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public override Space<float[]> ActionSpace => _actionSpace;

    /// <summary>
    /// The physical state; setting it makes the next <see cref="Step"/> start from there as from a float64 state
    /// (Gymnasium's state right after a reset).
    /// </summary>
    public MountainCarState State
    {
        get => _state;
        set
        {
            _state = value;
            _hasState = true;
            _single = false;
        }
    }

    /// <summary>The clipped force of the last step, for drawing; null after a reset.</summary>
    public float? LastForce { get; private set; }

    /// <summary>Height of the track at <paramref name="position"/>, for drawing: sin(3x)·0.45 + 0.55.</summary>
    public static double Height(double position) => MountainCarEnv.Height(position);

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        var (low, high) = ResetBounds.Parse(options, -0.6, -0.4);
        State = new MountainCarState(Random.Uniform(low, high), 0.0);
        LastForce = null;
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(float[] action)
    {
        if (action is null || action.Length != 1 || float.IsNaN(action[0]))
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Action must be one force, a number, for {ActionSpace}.");
        if (!_hasState) throw new InvalidOperationException("MountainCarContinuousEnv: call Reset before Step.");

        float a = action[0];
        var (position, velocity) = _state;
        bool positionSingle = _single, velocitySingle = _single;

        // force = min(max(a, -1), 1): a float32 inside the bounds, the Python number -1.0 or 1.0 outside.
        bool forceSingle = !(a < -1f) && !(a > 1f);
        double slope = Gravity * Math.Cos(positionSingle ? 3f * (float)position : 3 * position);
        double change = forceSingle ? a * (float)Power - (float)slope : (a < -1f ? -1.0 : 1.0) * Power - slope;
        LastForce = forceSingle ? a : (a < -1f ? -1f : 1f);

        velocity = velocitySingle ? (float)velocity + (float)change : velocity + change;
        if (velocitySingle ? (float)velocity > (float)MaxSpeed : velocity > MaxSpeed) (velocity, velocitySingle) = (MaxSpeed, false);
        if (velocitySingle ? (float)velocity < (float)-MaxSpeed : velocity < -MaxSpeed) (velocity, velocitySingle) = (-MaxSpeed, false);

        position = positionSingle ? (float)position + (float)velocity : position + velocity;
        if (positionSingle ? (float)position > (float)MaxPosition : position > MaxPosition) (position, positionSingle) = (MaxPosition, false);
        if (positionSingle ? (float)position < (float)MinPosition : position < MinPosition) (position, positionSingle) = (MinPosition, false);
        bool atWall = positionSingle ? (float)position == (float)MinPosition : position == MinPosition;
        if (atWall && velocity < 0) (velocity, velocitySingle) = (0.0, false);

        bool terminated = (positionSingle ? (float)position >= (float)GoalPosition : position >= GoalPosition)
            && (velocitySingle ? (float)velocity >= (float)GoalVelocity : velocity >= GoalVelocity);
        double reward = (terminated ? GoalReward : 0.0) - Math.Pow(a, 2) * 0.1;

        _state = new MountainCarState((float)position, (float)velocity);
        _single = true;
        return new StepResult<float[]>(Observe(), reward, terminated, false, Info.Empty);
    }

    /// <summary>True: <see cref="WriteState"/> captures the whole state (position, velocity, their precision and the generator).</summary>
    public bool CanSaveState => true;

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(StateMagic);
        writer.Write(_hasState);
        writer.Write(_single);
        writer.Write(_state.Position);
        writer.Write(_state.Velocity);
        var random = RandomState;
        writer.Write(random.HasValue);
        random?.Write(writer);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        uint magic = reader.ReadUInt32();
        if (magic != StateMagic) throw new InvalidDataException($"This is not a saved MountainCarContinuous state (magic 0x{magic:X8}).");
        _hasState = reader.ReadBoolean();
        _single = reader.ReadBoolean();
        _state = new MountainCarState(reader.ReadDouble(), reader.ReadDouble());
        RandomState = reader.ReadBoolean() ? RngState.Read(reader) : null;
        LastForce = null;
    }

    private float[] Observe()
    {
        var o = _observations.Next();
        o[0] = (float)_state.Position;
        o[1] = (float)_state.Velocity;
        return o;
    }
}
