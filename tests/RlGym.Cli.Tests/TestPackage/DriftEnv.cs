using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>
/// A point in the plane that drifts with Gaussian noise: action 0, 1, 2 pushes x by −0.1, 0, +0.1.
/// Observations are arbitrary float32s (the noise makes them so), which is what round-trip tests need;
/// the reward is −|x| computed in double. Start: both coordinates standard normal. Never terminates.
/// </summary>
public sealed class DriftEnv : Env<float[], int>
{
    private readonly ObservationBuffer _buffer = new(2);
    private float _x, _y;

    public override Space<float[]> ObservationSpace { get; } = new Box(float.NegativeInfinity, float.PositiveInfinity, 2);
    public override Space<int> ActionSpace { get; } = new Discrete(3);

    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _x = (float)Random.NextGaussian();
        _y = (float)Random.NextGaussian();
        return new ResetResult<float[]>(Observe(), Info.Empty);
    }

    public override StepResult<float[]> Step(int action)
    {
        CheckAction(action);
        _x += (action - 1) * 0.1f + 0.01f * (float)Random.NextGaussian();
        _y += 0.01f * (float)Random.NextGaussian();
        return new StepResult<float[]>(Observe(), -Math.Abs((double)_x) / 3, false, false, Info.Empty);
    }

    private float[] Observe()
    {
        var o = _buffer.Next();
        o[0] = _x;
        o[1] = _y;
        return o;
    }
}
