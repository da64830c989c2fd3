using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class NormalizeObservationTests
{
    private static NormalizeObservation<int> Wrap(params float[][] script) =>
        new(new ScriptedBoxEnv(new Box(-10f, 10f, 1), script));

    [Fact]
    public void Outputs_match_gymnasiums_running_statistics()
    {
        // Gymnasium's RunningMeanStd (count 1e-4, mean 0, var 1) and (x − μ)/sqrt(σ² + 1e-8), computed in float64 for
        // the observations 2, −1, 0.5.
        var env = Wrap([2f], [-1f], [0.5f]);
        Assert.Equal(0.008944093249738216, env.Reset(seed: 0).Observation[0], 1e-7);
        Assert.Equal(-0.9999944567680359, env.Step(0).Observation[0], 1e-6);
        Assert.Equal(1.3607860637421254e-05, env.Step(0).Observation[0], 1e-9);
        Assert.Equal(0.49998333388887023, env.Statistics.Mean[0], 1e-12);
        Assert.Equal(1.4999916666666762, env.Statistics.Variance[0], 1e-12);
        Assert.Equal(3.0001, env.Statistics.Count, 1e-12);
    }

    [Fact]
    public void Statistics_converge_to_the_sample_mean_and_variance()
    {
        var stats = new RunningMeanStd(2);
        var rng = new Core.Random.Rng(3);
        double sum = 0, sumSq = 0;
        const int n = 5000;
        for (int i = 0; i < n; i++)
        {
            float x = (float)(5 + 2 * rng.NextGaussian());
            sum += x;
            sumSq += x * x;
            stats.Update([x, -x]);
        }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        // The pseudo-count 1e-4 shifts both by about 1e-4 / n relative.
        Assert.Equal(mean, stats.Mean[0], 1e-6);
        Assert.Equal(-mean, stats.Mean[1], 1e-6);
        Assert.Equal(variance, stats.Variance[0], 1e-6);
    }

    [Fact]
    public void The_space_becomes_unbounded_with_the_same_shape() =>
        Assert.Equal("Box(-inf, inf, (1,), float32)", Wrap([0f]).ObservationSpace.ToString());

    [Fact]
    public void Freezing_stops_the_updates()
    {
        var env = Wrap([1f], [2f], [3f], [4f]);
        env.Reset(seed: 0);
        env.Step(0);
        env.UpdateRunningMean = false;
        double mean = env.Statistics.Mean[0], count = env.Statistics.Count;
        var y = env.Step(0).Observation[0];
        Assert.Equal((mean, count), (env.Statistics.Mean[0], env.Statistics.Count));
        Assert.Equal((float)((3 - mean) / Math.Sqrt(env.Statistics.Variance[0] + 1e-8)), y);
    }

    [Fact]
    public void Restored_statistics_normalise_as_the_saved_ones()
    {
        var trained = Wrap([1f], [2f], [3f], [4f]);
        trained.Reset(seed: 0);
        trained.Step(0);
        trained.Step(0);
        trained.UpdateRunningMean = false;
        var evaluated = Wrap([4f]);
        evaluated.Statistics.Set(trained.Statistics.Mean, trained.Statistics.Variance, trained.Statistics.Count);
        evaluated.UpdateRunningMean = false;
        Assert.Equal(trained.Step(0).Observation[0], evaluated.Reset(seed: 0).Observation[0]);
    }

    [Fact]
    public void Set_refuses_a_negative_variance() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunningMeanStd(1).Set([0.0], [-1.0], 1));

    [Fact]
    public void Stepping_allocates_nothing()
    {
        var env = new NormalizeObservation<int>(new DriftEnv());
        env.Reset(seed: 0);
        for (int i = 0; i < 50; i++) if (env.Step(i % 2).Terminated) env.Reset();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 300; i++) if (env.Step(i % 2).Terminated) env.Reset();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
