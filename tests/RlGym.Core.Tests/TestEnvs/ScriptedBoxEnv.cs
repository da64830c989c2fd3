using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.TestEnvs;

/// <summary>
/// Replays a script: reset returns <c>observations[0]</c>, step k returns <c>observations[k]</c> with reward k;
/// terminated at the script's last observation. Actions are Discrete(2) and ignored.
/// </summary>
public sealed class ScriptedBoxEnv(Box space, params float[][] observations) : Env<float[], int>
{
    private readonly ObservationBuffer _buffer = new(space.Size);
    private int _t;

    public override Space<float[]> ObservationSpace { get; } = space;
    public override Space<int> ActionSpace { get; } = new Discrete(2);
    public int StepCount { get; private set; }

    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _t = 0;
        return new ResetResult<float[]>(Emit(), Info.Empty);
    }

    public override StepResult<float[]> Step(int action)
    {
        _t++;
        StepCount++;
        return new StepResult<float[]>(Emit(), _t, _t == observations.Length - 1, false, Info.Empty);
    }

    private float[] Emit()
    {
        var o = _buffer.Next();
        observations[_t].CopyTo(o, 0);
        return o;
    }
}
