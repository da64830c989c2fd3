using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Vector;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// K mountain cars (<see cref="MountainCarEnv"/>) held as two arrays of float64 and stepped in one loop, with the time
/// limit built in; the registry's <c>MakeVector("MountainCar-v0", K)</c> returns it. Every copy follows exactly the
/// trajectory of a <see cref="MountainCarEnv"/> under the registry's wrappers with the same seed (copy i: seed + i) and
/// actions, bit for bit.
/// </summary>
/// <remarks>
/// No SIMD: the step's one costly operation is the cosine of the slope, which has no vector form bit-identical to the
/// C library's; the rest (a few additions and two clamps) is cheap enough that a scalar loop over arrays is as fast.
/// </remarks>
public sealed class MountainCarVectorEnv : ArrayVectorEnv<int>
{
    private readonly double[] _position;
    private readonly double[] _velocity;

    /// <summary>Creates K copies as <paramref name="settings"/> says, with <see cref="MountainCarEnv"/>'s argument.</summary>
    /// <param name="settings">Copies, time limit, autoreset mode and threads.</param>
    /// <param name="goalVelocity">Least velocity at the flag that ends the episode.</param>
    public MountainCarVectorEnv(VectorEnvSettings settings, double goalVelocity = 0.0)
        : base(MountainCarEnv.CreateObservationSpace(), new Discrete(3), settings)
    {
        GoalVelocity = goalVelocity;
        _position = PerCopyArray<double>();
        _velocity = PerCopyArray<double>();
    }

    /// <summary>Least velocity at the flag that ends the episode.</summary>
    public double GoalVelocity { get; }

    /// <summary>Copy <paramref name="i"/>'s physical state in float64.</summary>
    public MountainCarState GetState(int i)
    {
        int j = i + Offset<double>(i);
        return new(_position[j], _velocity[j]);
    }

    /// <summary>Sets copy <paramref name="i"/>'s physical state; the next step integrates from there.</summary>
    public void SetState(int i, MountainCarState state)
    {
        int j = i + Offset<double>(i);
        (_position[j], _velocity[j]) = state;
    }

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options)
    {
        var (low, high) = ResetBounds.Parse(options, -0.6, -0.4);
        int j = i + Offset<double>(i);
        _position[j] = random.Uniform(low, high);
        _velocity[j] = 0.0;
    }

    /// <inheritdoc />
    protected override void Observe(int from, int to, float[] batch)
    {
        if (SteppedDownward(from)) ObserveRange<DownwardOrder>(from, to, batch);
        else ObserveRange<UpwardOrder>(from, to, batch);
    }

    private void ObserveRange<TOrder>(int from, int to, float[] batch) where TOrder : struct, IStepOrder
    {
        int offset = Offset<double>(from);
        for (int k = 0; k < to - from; k++)
        {
            int i = TOrder.Copy(k, from, to);
            batch[2 * i + 1] = (float)_velocity[i + offset];
            batch[2 * i] = (float)_position[i + offset];
        }
    }

    /// <inheritdoc />
    protected override void Advance(int from, int to, ReadOnlySpan<int> actions)
    {
        if (SteppedDownward(from)) AdvanceRange<DownwardOrder>(from, to, actions);
        else AdvanceRange<UpwardOrder>(from, to, actions);
    }

    private void AdvanceRange<TOrder>(int from, int to, ReadOnlySpan<int> actions) where TOrder : struct, IStepOrder
    {
        // MountainCarEnv.Step for each copy, in its order of operations.
        int offset = Offset<double>(from);
        for (int k = 0; k < to - from; k++)
        {
            int i = TOrder.Copy(k, from, to), j = i + offset;
            double position = _position[j], velocity = _velocity[j];
            velocity += (actions[i] - 1) * MountainCarEnv.Force + Math.Cos(3 * position) * -MountainCarEnv.Gravity;
            velocity = Math.Clamp(velocity, -MountainCarEnv.MaxSpeed, MountainCarEnv.MaxSpeed);
            position += velocity;
            position = Math.Clamp(position, MountainCarEnv.MinPosition, MountainCarEnv.MaxPosition);
            if (position == MountainCarEnv.MinPosition && velocity < 0) velocity = 0;
            _position[j] = position;
            _velocity[j] = velocity;
            Terminated[i] = position >= MountainCarEnv.GoalPosition && velocity >= GoalVelocity;
            Rewards[i] = -1.0;
        }
    }
}
