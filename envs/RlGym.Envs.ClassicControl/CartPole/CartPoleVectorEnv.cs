using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Vector;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// K cart-poles (<see cref="CartPoleEnv"/>) held as four arrays of float64 and stepped in one loop, as Gymnasium's
/// <c>CartPoleVectorEnv</c>; the time limit is built in. The registry's <c>MakeVector("CartPole-v1", K)</c> returns
/// it. Every copy follows exactly the trajectory of a <see cref="CartPoleEnv"/> under the registry's wrappers with the
/// same seed (copy i: seed + i) and actions, bit for bit.
/// </summary>
/// <remarks>
/// <para><b>SIMD.</b> The dynamics are additions, multiplications and divisions, which IEEE 754 rounds the same in
/// every lane of a vector instruction as in a scalar one; so where the processor has 256-bit vectors four copies are
/// stepped per instruction. Sine and cosine have no vector form that is bit-identical to the C library's (which
/// Gymnasium's NumPy-free CartPole and <see cref="CartPoleEnv"/> use), so they are taken lane by lane with
/// <see cref="Math.SinCos"/>. No fused multiply-add is used: it rounds once where Gymnasium rounds twice.</para>
/// <para><b>Rewards.</b> As <see cref="CartPoleEnv"/>: +1 per step, the terminating one included (with
/// <c>sutton_barto_reward</c>, 0 per step and −1 on termination). A copy is never stepped past termination: the next
/// step resets it.</para>
/// </remarks>
public sealed class CartPoleVectorEnv : ArrayVectorEnv<int>
{
    private readonly double[] _x;
    private readonly double[] _xDot;
    private readonly double[] _theta;
    private readonly double[] _thetaDot;
    // Per-copy inputs of the SIMD pass, filled one copy at a time: sin θ, cos θ and the push.
    private readonly double[] _sin;
    private readonly double[] _cos;
    private readonly double[] _force;

    /// <summary>Creates K copies as <paramref name="settings"/> says, with <see cref="CartPoleEnv"/>'s arguments.</summary>
    /// <param name="settings">Copies, time limit, autoreset mode and threads.</param>
    /// <param name="suttonBartoReward">Reward 0 per step and -1 on termination instead of +1 per step.</param>
    /// <param name="integrator">How positions follow from accelerations; Gymnasium's default is explicit Euler.</param>
    public CartPoleVectorEnv(VectorEnvSettings settings, bool suttonBartoReward = false, KinematicsIntegrator integrator = KinematicsIntegrator.Euler)
        : base(CartPoleEnv.CreateObservationSpace(), new Discrete(2), settings)
    {
        SuttonBartoReward = suttonBartoReward;
        Integrator = integrator;
        _x = PerCopyArray<double>();
        _xDot = PerCopyArray<double>();
        _theta = PerCopyArray<double>();
        _thetaDot = PerCopyArray<double>();
        _sin = PerCopyArray<double>();
        _cos = PerCopyArray<double>();
        _force = PerCopyArray<double>();
    }

    /// <summary>True when rewards follow Sutton and Barto (0 per step, -1 on failure).</summary>
    public bool SuttonBartoReward { get; }

    /// <summary>The integration scheme.</summary>
    public KinematicsIntegrator Integrator { get; }

    /// <summary>True when the dynamics run four copies per vector instruction (see the remarks).</summary>
    public bool IsVectorized => UseVectors && Vector256.IsHardwareAccelerated;

    /// <summary>Lets tests run the scalar loop on a machine with vectors, to compare both with the single env.</summary>
    internal bool UseVectors { get; set; } = true;

    /// <summary>Copy <paramref name="i"/>'s physical state in float64.</summary>
    public CartPoleState GetState(int i)
    {
        int j = i + Offset<double>(i);
        return new(_x[j], _xDot[j], _theta[j], _thetaDot[j]);
    }

    /// <summary>Sets copy <paramref name="i"/>'s physical state (for tests, or to restore a saved state); the next step integrates from there.</summary>
    public void SetState(int i, CartPoleState state)
    {
        int j = i + Offset<double>(i);
        (_x[j], _xDot[j], _theta[j], _thetaDot[j]) = state;
    }

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options)
    {
        // The draws of CartPoleEnv.Reset, in its order.
        var (low, high) = ResetBounds.Parse(options, -0.05, 0.05);
        int j = i + Offset<double>(i);
        _x[j] = random.Uniform(low, high);
        _xDot[j] = random.Uniform(low, high);
        _theta[j] = random.Uniform(low, high);
        _thetaDot[j] = random.Uniform(low, high);
    }

    /// <inheritdoc />
    protected override void Observe(int from, int to, float[] batch)
    {
        // In the direction the base steps this range (see SteppedDownward).
        if (SteppedDownward(from)) ObserveRange<DownwardOrder>(from, to, batch);
        else ObserveRange<UpwardOrder>(from, to, batch);
    }

    private void ObserveRange<TOrder>(int from, int to, float[] batch) where TOrder : struct, IStepOrder
    {
        var rows = batch.AsSpan(4 * from, 4 * (to - from));
        int at = from + Offset<double>(from);
        var x = _x.AsSpan(at, to - from);
        var xDot = _xDot.AsSpan(at, to - from);
        var theta = _theta.AsSpan(at, to - from);
        var thetaDot = _thetaDot.AsSpan(at, to - from);
        int grouped = UseVectors && Avx.IsSupported ? x.Length / 4 * 4 : 0;
        for (int k = 0; k < grouped; k += 4)
        {
            // Four copies at a time: each variable's four doubles rounded to floats in one instruction (as the scalar
            // cast rounds, to nearest), then the 4 × 4 block turned from one variable per vector into one copy per row.
            // Written one value at a time, the observation cost 3.6 ns per copy, a seventh of the whole step.
            int j = Math.Min(TOrder.Copy(k, 0, grouped), TOrder.Copy(k + 3, 0, grouped));
            var xs = Avx.ConvertToVector128Single(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)j));
            var xDots = Avx.ConvertToVector128Single(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(xDot), (nuint)j));
            var thetas = Avx.ConvertToVector128Single(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(theta), (nuint)j));
            var thetaDots = Avx.ConvertToVector128Single(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(thetaDot), (nuint)j));
            var low = Sse.UnpackLow(xs, xDots);            // x0 ẋ0 x1 ẋ1
            var high = Sse.UnpackHigh(xs, xDots);          // x2 ẋ2 x3 ẋ3
            var angleLow = Sse.UnpackLow(thetas, thetaDots);   // θ0 θ̇0 θ1 θ̇1
            var angleHigh = Sse.UnpackHigh(thetas, thetaDots); // θ2 θ̇2 θ3 θ̇3
            ref float row = ref MemoryMarshal.GetReference(rows.Slice(4 * j, 16));
            Sse.MoveLowToHigh(low, angleLow).StoreUnsafe(ref row);
            Sse.MoveHighToLow(angleLow, low).StoreUnsafe(ref row, 4);
            Sse.MoveLowToHigh(high, angleHigh).StoreUnsafe(ref row, 8);
            Sse.MoveHighToLow(angleHigh, high).StoreUnsafe(ref row, 12);
        }
        for (int j = grouped; j < x.Length; j++)
        {
            var row = rows.Slice(4 * j, 4);
            row[3] = (float)thetaDot[j];
            row[2] = (float)theta[j];
            row[1] = (float)xDot[j];
            row[0] = (float)x[j];
        }
    }

    /// <inheritdoc />
    protected override void Advance(int from, int to, ReadOnlySpan<int> actions)
    {
        int i = from;
        if (IsVectorized)
        {
            // Both passes go the way the base steps this range (see SteppedDownward); i runs over the same copies
            // either way. The order is a type argument: a test per copy made the downward pass 2% slower than the upward.
            i = SteppedDownward(from) ? AdvanceVectors<DownwardOrder>(from, to, actions) : AdvanceVectors<UpwardOrder>(from, to, actions);
        }
        AdvanceScalar(i, to, actions);
    }

    // CartPoleEnv.Step's arithmetic for one copy at a time; the grouping of every product and quotient is Gymnasium's.
    private void AdvanceScalar(int from, int to, ReadOnlySpan<int> actions)
    {
        bool euler = Integrator == KinematicsIntegrator.Euler;
        double aliveReward = SuttonBartoReward ? 0.0 : 1.0, failReward = SuttonBartoReward ? -1.0 : 1.0;
        int offset = Offset<double>(from);
        for (int i = from; i < to; i++)
        {
            int j = i + offset;
            double x = _x[j], xDot = _xDot[j], theta = _theta[j], thetaDot = _thetaDot[j];
            double force = actions[i] == 1 ? CartPoleEnv.ForceMag : -CartPoleEnv.ForceMag;
            var (sinTheta, cosTheta) = Math.SinCos(theta);
            double temp = (force + CartPoleEnv.PoleMassLength * (thetaDot * thetaDot) * sinTheta) / CartPoleEnv.TotalMass;
            double thetaAcc = (CartPoleEnv.Gravity * sinTheta - cosTheta * temp)
                / (CartPoleEnv.Length * (4.0 / 3.0 - CartPoleEnv.MassPole * (cosTheta * cosTheta) / CartPoleEnv.TotalMass));
            double xAcc = temp - CartPoleEnv.PoleMassLength * thetaAcc * cosTheta / CartPoleEnv.TotalMass;
            if (euler)
            {
                x = x + CartPoleEnv.Tau * xDot;
                xDot = xDot + CartPoleEnv.Tau * xAcc;
                theta = theta + CartPoleEnv.Tau * thetaDot;
                thetaDot = thetaDot + CartPoleEnv.Tau * thetaAcc;
            }
            else
            {
                xDot = xDot + CartPoleEnv.Tau * xAcc;
                x = x + CartPoleEnv.Tau * xDot;
                thetaDot = thetaDot + CartPoleEnv.Tau * thetaAcc;
                theta = theta + CartPoleEnv.Tau * thetaDot;
            }
            _x[j] = x;
            _xDot[j] = xDot;
            _theta[j] = theta;
            _thetaDot[j] = thetaDot;
            bool terminated = x < -CartPoleEnv.XThreshold || x > CartPoleEnv.XThreshold
                || theta < -CartPoleEnv.ThetaThresholdRadians || theta > CartPoleEnv.ThetaThresholdRadians;
            Terminated[i] = terminated;
            Rewards[i] = terminated ? failReward : aliveReward;
        }
    }

    // The same arithmetic four copies at a time; returns the first copy left for the scalar loop. The C library's sine
    // and cosine (what Gymnasium calls) are taken one copy at a time first, with the push, into arrays; the SIMD pass
    // then loads them as whole vectors. Gathering them lane by lane on the stack instead cost a stalled load per
    // vector (four scalar stores read back as one), and the call inside the loop spilled every vector register.
    private int AdvanceVectors<TOrder>(int from, int to, ReadOnlySpan<int> actions) where TOrder : struct, IStepOrder
    {
        int end = from + (to - from) / 4 * 4;
        // Each array's element i is copy i of this thread's copies (every index below is in range by construction:
        // [from, end) lies in the arrays, which are PerCopyArray's, and in the actions, which are Count long).
        int offset = Offset<double>(from);
        ref double xs = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), offset);
        ref double xDots = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xDot), offset);
        ref double thetas = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_theta), offset);
        ref double thetaDots = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_thetaDot), offset);
        ref double sines = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sin), offset);
        ref double cosines = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cos), offset);
        ref double forces = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_force), offset);
        ref int pushes = ref MemoryMarshal.GetReference(actions);
        for (int k = 0; k < end - from; k++)
        {
            int i = TOrder.Copy(k, from, end);
            (Unsafe.Add(ref sines, i), Unsafe.Add(ref cosines, i)) = Math.SinCos(Unsafe.Add(ref thetas, i));
            Unsafe.Add(ref forces, i) = Unsafe.Add(ref pushes, i) == 1 ? CartPoleEnv.ForceMag : -CartPoleEnv.ForceMag;
        }

        var poleMassLength = Vector256.Create(CartPoleEnv.PoleMassLength);
        var totalMass = Vector256.Create(CartPoleEnv.TotalMass);
        var gravity = Vector256.Create(CartPoleEnv.Gravity);
        var length = Vector256.Create(CartPoleEnv.Length);
        var fourThirds = Vector256.Create(4.0 / 3.0);
        var massPole = Vector256.Create(CartPoleEnv.MassPole);
        var tau = Vector256.Create(CartPoleEnv.Tau);
        var xThreshold = Vector256.Create(CartPoleEnv.XThreshold);
        var thetaThreshold = Vector256.Create(CartPoleEnv.ThetaThresholdRadians);
        var aliveReward = Vector256.Create(SuttonBartoReward ? 0.0 : 1.0);
        var failReward = Vector256.Create(SuttonBartoReward ? -1.0 : 1.0);
        bool euler = Integrator == KinematicsIntegrator.Euler;

        ref double rewards = ref MemoryMarshal.GetArrayDataReference(Rewards);
        ref byte terminatedFlags = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(Terminated));

        for (int k = 0; k < end - from; k += 4)
        {
            // The lowest of the four copies.
            int i = Math.Min(TOrder.Copy(k, from, end), TOrder.Copy(k + 3, from, end));
            var x = Vector256.LoadUnsafe(ref xs, (nuint)i);
            var xDot = Vector256.LoadUnsafe(ref xDots, (nuint)i);
            var theta = Vector256.LoadUnsafe(ref thetas, (nuint)i);
            var thetaDot = Vector256.LoadUnsafe(ref thetaDots, (nuint)i);
            var sinTheta = Vector256.LoadUnsafe(ref sines, (nuint)i);
            var cosTheta = Vector256.LoadUnsafe(ref cosines, (nuint)i);
            var force = Vector256.LoadUnsafe(ref forces, (nuint)i);

            var temp = (force + poleMassLength * (thetaDot * thetaDot) * sinTheta) / totalMass;
            var thetaAcc = (gravity * sinTheta - cosTheta * temp)
                / (length * (fourThirds - massPole * (cosTheta * cosTheta) / totalMass));
            var xAcc = temp - poleMassLength * thetaAcc * cosTheta / totalMass;
            if (euler)
            {
                x = x + tau * xDot;
                xDot = xDot + tau * xAcc;
                theta = theta + tau * thetaDot;
                thetaDot = thetaDot + tau * thetaAcc;
            }
            else
            {
                xDot = xDot + tau * xAcc;
                x = x + tau * xDot;
                thetaDot = thetaDot + tau * thetaAcc;
                theta = theta + tau * thetaDot;
            }
            x.StoreUnsafe(ref xs, (nuint)i);
            xDot.StoreUnsafe(ref xDots, (nuint)i);
            theta.StoreUnsafe(ref thetas, (nuint)i);
            thetaDot.StoreUnsafe(ref thetaDots, (nuint)i);

            var terminated = Vector256.LessThan(x, -xThreshold) | Vector256.GreaterThan(x, xThreshold)
                | Vector256.LessThan(theta, -thetaThreshold) | Vector256.GreaterThan(theta, thetaThreshold);
            Vector256.ConditionalSelect(terminated, failReward, aliveReward).StoreUnsafe(ref rewards, (nuint)i);
            // The four flags in one store: byte l of the word is lane l's bit (a bool is a byte, 0 or 1).
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref terminatedFlags, i), FlagBytes[(int)terminated.ExtractMostSignificantBits()]);
        }
        return end;
    }

    // The four bool bytes of a little-endian word for each 4-bit mask of terminated lanes (lane l in byte l).
    private static readonly uint[] FlagBytes = [.. Enumerable.Range(0, 16).Select(m =>
        (uint)((m & 1) | (m & 2) << 7 | (m & 4) << 14 | (m & 8) << 21))];
}
