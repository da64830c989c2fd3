using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>An environment with a bug: its reset throws, as an unexpected error would.</summary>
public sealed class BrokenEnv : Env<int, int>
{
    public override Space<int> ObservationSpace { get; } = new Discrete(2);
    public override Space<int> ActionSpace { get; } = new Discrete(2);
    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null) =>
        throw new InvalidOperationException("the reset has a bug\nsecond line");
    public override StepResult<int> Step(int action) => throw new InvalidOperationException("never");
}
