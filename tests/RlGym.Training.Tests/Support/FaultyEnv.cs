using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Training.Tests.Support;

/// <summary>
/// A random walk that goes wrong at total step <c>faultAt</c>: it returns a NaN reward, or throws, as chosen.
/// </summary>
public sealed class FaultyEnv(long faultAt, bool throws) : Env<int, int>
{
    private readonly RandomWalkEnv _inner = new();
    private long _steps;

    public override Space<int> ObservationSpace => _inner.ObservationSpace;
    public override Space<int> ActionSpace => _inner.ActionSpace;
    public override EnvSpec? Spec { get; set; } = new() { Id = "Faulty-test", Factory = _ => new RandomWalkEnv() };
    public override Core.Random.RngState? RandomState { get => _inner.RandomState; set => _inner.RandomState = value; }

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null) => _inner.Reset(seed, options);

    public override StepResult<int> Step(int action)
    {
        var r = _inner.Step(action);
        if (++_steps != faultAt) return r;
        if (throws) throw new InvalidOperationException("the simulator diverged");
        return r with { Reward = double.NaN };
    }
}

/// <summary>A two-number observation env whose observation turns to +∞ at step <c>faultAt</c> of the first episode.</summary>
public sealed class BoxFaultEnv(int faultAt) : Env<float[], int>
{
    private readonly ObservationBuffer _buffer = new(2);
    private int _t;

    public override Space<float[]> ObservationSpace { get; } = new Box(-10, 10, 2);
    public override Space<int> ActionSpace { get; } = new Discrete(2);

    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _t = 0;
        var o = _buffer.Next();
        o[0] = o[1] = 0;
        return new ResetResult<float[]>(o, Info.Empty);
    }

    public override StepResult<float[]> Step(int action)
    {
        _t++;
        var o = _buffer.Next();
        o[0] = _t;
        o[1] = _t == faultAt ? float.PositiveInfinity : 0;
        return new StepResult<float[]>(o, 0, _t >= 10, false, Info.Empty);
    }
}
