using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Tabular.Tests.Registration;

/// <summary>An environment that is only its spaces and id: what a factory's refusal looks at.</summary>
public sealed class SpaceEnv<TObs, TAct>(string id, Space<TObs> observations, Space<TAct> actions) : Env<TObs, TAct>
    where TObs : notnull where TAct : notnull
{
    public override Space<TObs> ObservationSpace => observations;
    public override Space<TAct> ActionSpace => actions;
    public override EnvSpec? Spec { get; set; } = new() { Id = id, Factory = _ => throw new NotSupportedException() };
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null) => throw new NotSupportedException();
    public override StepResult<TObs> Step(TAct action) => throw new NotSupportedException();
}
