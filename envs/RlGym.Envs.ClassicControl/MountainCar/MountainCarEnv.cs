using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// <b>Description.</b> Moore's (1990) mountain car: a car starts at the bottom of a sinusoidal valley and must reach
/// the flag on top of the right hill, but its engine is too weak to climb straight up; it has to rock back and forth
/// to build momentum. The dynamics are deterministic; only the starting position is random.
/// Dynamics and constants are Gymnasium 1.x's <c>MountainCar-v0</c>.
/// </summary>
/// <remarks>
/// <para><b>Action space.</b> <c>Discrete(3)</c>: 0 accelerates left, 1 does not accelerate, 2 accelerates right.</para>
/// <para><b>Observation space.</b> <c>Box(2,)</c> of float32: position in [-1.2, 0.6], velocity in [-0.07, 0.07].</para>
/// <para><b>Rewards.</b> -1 on every step, the last one included. Solved at -110.</para>
/// <para><b>Starting state.</b> Position uniform in [-0.6, -0.4), velocity 0; reset options <c>low</c> and
/// <c>high</c> change the position's interval.</para>
/// <para><b>Episode end.</b> Terminated when position ≥ 0.5 (the flag) and velocity ≥ <c>goal_velocity</c>.
/// Truncated by the registry's time limit after 200 steps.</para>
/// <para><b>Transition.</b> velocity += (action − 1)·0.001 − cos(3·position)·0.0025, clipped to [-0.07, 0.07];
/// position += velocity, clipped to [-1.2, 0.6]; at the left wall a leftward velocity becomes 0 (an inelastic
/// collision).</para>
/// <para><b>Arguments.</b> <c>goal_velocity</c> (default 0): the least velocity that counts at the flag.
/// Reset options <c>low</c>/<c>high</c> as above.</para>
/// <para><b>Version history.</b> v0: the initial release.</para>
/// </remarks>
public sealed class MountainCarEnv : Env<float[], int>, IStatefulEnv
{
    /// <summary>The left wall.</summary>
    public const double MinPosition = -1.2;

    /// <summary>The right edge of the track.</summary>
    public const double MaxPosition = 0.6;

    /// <summary>The speed limit, per step.</summary>
    public const double MaxSpeed = 0.07;

    /// <summary>Where the flag stands.</summary>
    public const double GoalPosition = 0.5;

    /// <summary>Acceleration of the engine per step.</summary>
    public const double Force = 0.001;

    /// <summary>Scale of the slope's pull per step.</summary>
    public const double Gravity = 0.0025;

    private readonly Box _observationSpace = CreateObservationSpace();
    private readonly Discrete _actionSpace = new(3);
    private readonly ObservationBuffer _observations = new(2);
    private MountainCarState _state;
    private bool _hasState;

    /// <summary>Creates the environment.</summary>
    /// <param name="goalVelocity">The least velocity with which reaching the flag terminates the episode.</param>
    public MountainCarEnv(double goalVelocity = 0.0) => GoalVelocity = goalVelocity;

    /// <summary>The least velocity that counts at the flag.</summary>
    public double GoalVelocity { get; }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public override Space<int> ActionSpace => _actionSpace;

    /// <summary>The physical state in float64; setting it makes the next <see cref="Step"/> start from there.</summary>
    public MountainCarState State
    {
        get => _state;
        set
        {
            _state = value;
            _hasState = true;
        }
    }

    /// <summary>The observation space, shared with <see cref="MountainCarVectorEnv"/>.</summary>
    internal static Box CreateObservationSpace() => new([(float)MinPosition, (float)-MaxSpeed], [(float)MaxPosition, (float)MaxSpeed]);

    /// <summary>Height of the track at <paramref name="position"/>, for drawing: sin(3x)·0.45 + 0.55.</summary>
    public static double Height(double position) => Math.Sin(3 * position) * 0.45 + 0.55;

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        var (low, high) = ResetBounds.Parse(options, -0.6, -0.4);
        State = new MountainCarState(Random.Uniform(low, high), 0.0);
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(int action)
    {
        CheckAction(action);
        if (!_hasState) throw new InvalidOperationException("MountainCarEnv: call Reset before Step.");

        var (position, velocity) = _state;
        // Gymnasium adds the engine and slope terms together before adding them to the velocity.
        velocity += (action - 1) * Force + Math.Cos(3 * position) * -Gravity;
        velocity = Math.Clamp(velocity, -MaxSpeed, MaxSpeed);
        position += velocity;
        position = Math.Clamp(position, MinPosition, MaxPosition);
        if (position == MinPosition && velocity < 0) velocity = 0;

        bool terminated = position >= GoalPosition && velocity >= GoalVelocity;
        _state = new MountainCarState(position, velocity);
        return new StepResult<float[]>(Observe(), -1.0, terminated, false, Info.Empty);
    }

    private float[] Observe()
    {
        var o = _observations.Next();
        o[0] = (float)_state.Position;
        o[1] = (float)_state.Velocity;
        return o;
    }

    /// <inheritdoc />
    public bool CanSaveState => true;

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state.Position);
        writer.Write(_state.Velocity);
        writer.Write(_hasState);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        _state = new MountainCarState(reader.ReadDouble(), reader.ReadDouble());
        _hasState = reader.ReadBoolean();
    }
}
