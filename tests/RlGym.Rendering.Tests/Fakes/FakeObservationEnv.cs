using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Rendering.Tests.Fakes;

/// <summary>A continuous-observation env whose observation the test sets; nothing else.</summary>
public sealed class FakeObservationEnv : Env<float[], int>
{
    public FakeObservationEnv(string id, int size)
    {
        Spec = new EnvSpec { Id = id, Factory = _ => this };
        ObservationSpace = new Box(-10, 10, size);
        Observation = new float[size];
    }

    public float[] Observation { get; }
    public override Space<float[]> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; } = new Discrete(2);
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null) => new(Observation, Info.Empty);
    public override StepResult<float[]> Step(int action) => new(Observation, 1, false, false, Info.Empty);
}
