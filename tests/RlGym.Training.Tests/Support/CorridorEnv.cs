using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Training.Tests.Support;

/// <summary>A deterministic corridor: every episode lasts exactly <c>length</c> steps and pays 1 per step; no randomness.</summary>
public sealed class CorridorEnv(int length) : Env<int, int>
{
    private int _t;

    public override Space<int> ObservationSpace { get; } = new Discrete(length + 1);
    public override Space<int> ActionSpace { get; } = new Discrete(2);

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _t = 0;
        return new ResetResult<int>(0, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        _t++;
        return new StepResult<int>(_t, 1.0, _t >= length, false, Info.Empty);
    }
}
