using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Cli.Tests.TestPackage;

/// <summary>
/// A user's environment with a bug: a two-cell walk whose third step of episode <c>nan_at_episode</c> (counted
/// from 0 on this instance) returns a NaN reward, as a division by zero in a reward formula would.
/// </summary>
public sealed class NanRewardEnv(EnvOptions options) : Env<int, int>
{
    private readonly int _badEpisode = options.GetInt("nan_at_episode", 5, 0, 1000);
    private int _episode = -1;
    private int _step;

    public override Space<int> ObservationSpace { get; } = new Discrete(2);
    public override Space<int> ActionSpace { get; } = new Discrete(2);

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _episode++;
        _step = 0;
        return new ResetResult<int>(0, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        _step++;
        double reward = _episode == _badEpisode && _step == 3 ? double.NaN : 0.5;
        return new StepResult<int>(action, reward, _step == 4, false, Info.Empty);
    }
}
