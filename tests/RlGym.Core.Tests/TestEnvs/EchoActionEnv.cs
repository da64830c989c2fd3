using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.TestEnvs;

/// <summary>Box actions in [−1, 1]²; observes the action it received; reward = its first element.</summary>
public sealed class EchoActionEnv : Env<float[], float[]>
{
    private readonly ObservationBuffer _buffer = new(2);

    public override Space<float[]> ObservationSpace { get; } = new Box(-1f, 1f, 2);
    public override Space<float[]> ActionSpace { get; } = new Box(-1f, 1f, 2);

    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        var o = _buffer.Next();
        Array.Clear(o);
        return new ResetResult<float[]>(o, Info.Empty);
    }

    public override StepResult<float[]> Step(float[] action)
    {
        CheckAction(action);
        var o = _buffer.Next();
        action.CopyTo(o, 0);
        return new StepResult<float[]>(o, action[0], false, false, Info.Empty);
    }
}
