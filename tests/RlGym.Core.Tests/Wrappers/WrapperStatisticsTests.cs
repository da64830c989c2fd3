using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class WrapperStatisticsTests
{
    private static TimeLimit<float[], int> Chain(params float[][] script) =>
        new(new NormalizeObservation<int>(new ScriptedBoxEnv(new Box(-10f, 10f, 1), script)), 100);

    [Fact]
    public void Statistics_found_down_the_chain_restore_into_a_fresh_chain_frozen()
    {
        var trained = Chain([2f], [-1f], [0.5f], [4f]);
        trained.Reset(seed: 0);
        trained.Step(0);
        trained.Step(0);
        var saved = WrapperStatistics.Save(trained)!;

        var fresh = Chain([2f], [-1f], [0.5f], [4f]);
        WrapperStatistics.Restore(fresh, saved, fitting: false);
        var normalizer = (NormalizeObservation<int>)fresh.Inner;
        Assert.False(normalizer.UpdateRunningMean);
        Assert.Equal(3.0001, normalizer.Statistics.Count, 1e-12);
        Assert.Equal(0.49998333388887023, normalizer.Statistics.Mean[0], 1e-12);

        // Frozen: the first observation, 2, is scaled by the trained statistics and does not move them.
        Assert.Equal((2 - 0.49998333388887023) / Math.Sqrt(1.4999916666666762 + 1e-8), fresh.Reset(seed: 0).Observation[0], 1e-6);
        Assert.Equal(3.0001, normalizer.Statistics.Count, 1e-12);
    }

    [Fact]
    public void An_environment_without_fitted_wrappers_has_no_statistics_and_refuses_some()
    {
        var plain = new TimeLimit<float[], int>(new ScriptedBoxEnv(new Box(-10f, 10f, 1), [1f]), 10);
        Assert.Null(WrapperStatistics.Save(plain));
        var saved = WrapperStatistics.Save(Chain([1f]))!;
        Assert.Throws<InvalidDataException>(() => WrapperStatistics.Restore(plain, saved, fitting: false));
    }
}
