using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Vector;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// K pendulums (<see cref="PendulumEnv"/>) held as two arrays of float64 and stepped in one loop, with the time limit
/// built in; the registry's <c>MakeVector("Pendulum-v1", K)</c> returns it. Every copy follows exactly the trajectory
/// of a <see cref="PendulumEnv"/> under the registry's wrappers with the same seed (copy i: seed + i) and torques,
/// bit for bit: both compute a step with <see cref="PendulumEnv"/>'s own transition.
/// </summary>
/// <remarks>
/// No SIMD: a step is three calls into the C library (a power for each square, the sine of the angle) and the
/// observation two more (its cosine and sine), none of which has a vector form bit-identical to it. Torques outside
/// [-2, 2] are clipped as the single env clips them; a torque array of another length, or a NaN, is refused.
/// </remarks>
public sealed class PendulumVectorEnv : ArrayVectorEnv<float[]>
{
    private readonly double[] _theta;
    private readonly double[] _thetaDot;

    /// <summary>Creates K copies as <paramref name="settings"/> says, with <see cref="PendulumEnv"/>'s argument.</summary>
    /// <param name="settings">Copies, time limit, autoreset mode and threads.</param>
    /// <param name="g">Gravitational acceleration (m/s²).</param>
    public PendulumVectorEnv(VectorEnvSettings settings, double g = 10.0)
        : base(PendulumEnv.CreateObservationSpace(), PendulumEnv.CreateActionSpace(), settings)
    {
        G = g;
        _theta = PerCopyArray<double>();
        _thetaDot = PerCopyArray<double>();
    }

    /// <summary>Gravitational acceleration (m/s²).</summary>
    public double G { get; }

    /// <summary>Copy <paramref name="i"/>'s physical state in float64.</summary>
    public PendulumState GetState(int i)
    {
        int j = i + Offset<double>(i);
        return new(_theta[j], _thetaDot[j]);
    }

    /// <summary>Sets copy <paramref name="i"/>'s physical state; the next step integrates from there.</summary>
    public void SetState(int i, PendulumState state)
    {
        int j = i + Offset<double>(i);
        (_theta[j], _thetaDot[j]) = state;
    }

    /// <inheritdoc />
    protected override bool Accepts(float[] action) => action is { Length: 1 } && !float.IsNaN(action[0]);

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options)
    {
        // The draws of PendulumEnv.Reset, in its order: θ, then θ̇.
        double x = options?.GetDouble("x_init", Math.PI) ?? Math.PI;
        double y = options?.GetDouble("y_init", 1.0) ?? 1.0;
        int j = i + Offset<double>(i);
        _theta[j] = random.Uniform(-x, x);
        _thetaDot[j] = random.Uniform(-y, y);
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
            PendulumEnv.Observe(new PendulumState(_theta[i + offset], _thetaDot[i + offset]), batch.AsSpan(3 * i, 3));
        }
    }

    /// <inheritdoc />
    protected override void Advance(int from, int to, ReadOnlySpan<float[]> actions)
    {
        if (SteppedDownward(from)) AdvanceRange<DownwardOrder>(from, to, actions);
        else AdvanceRange<UpwardOrder>(from, to, actions);
    }

    private void AdvanceRange<TOrder>(int from, int to, ReadOnlySpan<float[]> actions) where TOrder : struct, IStepOrder
    {
        int offset = Offset<double>(from);
        for (int k = 0; k < to - from; k++)
        {
            int i = TOrder.Copy(k, from, to);
            float u = Math.Clamp(actions[i][0], -PendulumEnv.MaxTorque, PendulumEnv.MaxTorque);
            var (reward, next) = PendulumEnv.Transition(new PendulumState(_theta[i + offset], _thetaDot[i + offset]), u, G);
            (_theta[i + offset], _thetaDot[i + offset]) = next;
            Rewards[i] = reward;
            Terminated[i] = false;
        }
    }
}
