using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.TestEnvs;

/// <summary>The faults <see cref="DriftEnv"/> can be built with, to show that the checker catches them.</summary>
public enum Fault
{
    None,
    NaNObservation,
    InfiniteReward,
    OutsideSpace,
    UnseededRandom,
    IgnoresSeed,
    UnseededResetRestarts,
    SingleBuffer,
    Allocates,
    NullInfo,
}

/// <summary>
/// A cart on a line, with Box observations (x, v): the start is uniform in [−0.05, 0.05]² (CartPole-like),
/// action 0 pushes left, 1 right (v ← v ± 0.01, then x ← x + v, plus noise of ±0.001 from the seeded generator);
/// reward +1 per step; terminated when |x| &gt; 0.5. Observation space Box([−1, −inf], [1, inf]).
/// </summary>
public sealed class DriftEnv : Env<float[], int>
{
    private readonly ObservationBuffer _buffer = new(2);
    private readonly float[] _single = new float[2];
    private readonly Fault _fault;
    private long? _firstSeed;
    private double _x, _v;

    public DriftEnv(Fault fault = Fault.None) => _fault = fault;

    public override Space<float[]> ObservationSpace { get; } =
        new Box([-1f, float.NegativeInfinity], [1f, float.PositiveInfinity]);

    public override Space<int> ActionSpace { get; } = new Discrete(2);

    public int Steps { get; private set; }

    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        switch (_fault)
        {
            case Fault.IgnoresSeed: SeedRandom(_firstSeed ??= 12345); break;
            case Fault.UnseededResetRestarts:
                _firstSeed ??= seed;
                SeedRandom(seed ?? _firstSeed);
                break;
            default: SeedRandom(seed); break;
        }
        _x = Uniform(-0.05, 0.05);
        _v = Uniform(-0.05, 0.05);
        return new ResetResult<float[]>(Write(), Info.Empty);
    }

    public override StepResult<float[]> Step(int action)
    {
        CheckAction(action);
        Steps++;
        _v += action == 1 ? 0.01 : -0.01;
        _x += _v + Uniform(-0.001, 0.001);
        bool terminated = Math.Abs(_x) > 0.5;
        double reward = _fault == Fault.InfiniteReward && Steps == 3 ? double.PositiveInfinity : 1;
        var obs = Write();
        if (_fault == Fault.NaNObservation && Steps == 3) obs[1] = float.NaN;
        if (_fault == Fault.OutsideSpace && Steps == 3) obs[0] = 7f;
        var info = _fault switch
        {
            Fault.Allocates => new Dictionary<string, object> { ["x"] = _x },
            Fault.NullInfo => null!,
            _ => Info.Empty,
        };
        return new StepResult<float[]>(obs, reward, terminated, false, info);
    }

    private double Uniform(double low, double high) =>
        _fault == Fault.UnseededRandom ? low + (high - low) * System.Random.Shared.NextDouble() : Random.Uniform(low, high);

    private float[] Write()
    {
        var o = _fault == Fault.SingleBuffer ? _single : _buffer.Next();
        o[0] = (float)Math.Clamp(_x, -1, 1);
        o[1] = (float)_v;
        return o;
    }
}
