using RlGym.Training.Metrics;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>Run alone (no other test allocating on other threads) so heap sizes mean something.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    private static long AllocatedDuring(Action run)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Train(int length, int episodes) =>
        Trainer.Create(new CorridorEnv(length), new TinyQAgent(length + 1, 2, 0), new TrainerOptions { Seed = 0, Episodes = episodes }).Run();

    [Fact]
    public void Steps_allocate_nothing_on_a_discrete_env_without_observers()
    {
        Train(10, 300);
        Train(100, 300); // warm-up: JIT and tiering
        long shortEpisodes = AllocatedDuring(() => Train(10, 500));
        long longEpisodes = AllocatedDuring(() => Train(100, 500));
        // Same episodes, 45,000 more steps: one boxed int per step would add over 1 MB. Measured: 1,440 bytes apart, exactly the larger Q-table (180 more doubles).
        Assert.InRange(longEpisodes - shortEpisodes, -4096, 4096);
    }

    [Fact]
    public void Writing_metrics_allocates_a_bounded_amount_per_episode()
    {
        using var dir = new TempDirectory();
        int run = 0;
        long Measure(int episodes) => AllocatedDuring(() =>
            Trainer.Create(new CorridorEnv(5), new TinyQAgent(6, 2, 0), new TrainerOptions
            {
                Seed = 0, Episodes = episodes, Directory = new RunDirectory(dir.File($"r{run++}")), CheckpointEvery = 0, WriteLearningCurve = false,
            }).Run());
        Measure(500);
        long small = Measure(2000);
        long large = Measure(6000);
        double perEpisode = (large - small) / 4000.0;
        // The row record is all an episode should allocate; rows are formatted into a reused buffer. Measured: 72.0 bytes.
        Assert.True(perEpisode < 160, $"{perEpisode:F1} bytes per episode");
    }

    [Fact]
    public void The_heap_stays_flat_over_many_episodes_while_metrics_are_written()
    {
        using var dir = new TempDirectory();
        var probe = new HeapProbe(1_000, 30_000);
        Trainer.Create(new CorridorEnv(3), new TinyQAgent(4, 2, 0), new TrainerOptions
        {
            Seed = 0, Episodes = 30_000, Directory = new RunDirectory(dir.Path), CheckpointEvery = 5_000, WriteLearningCurve = false,
            Observers = [probe],
        }).Run();
        Assert.Equal(30_000, MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv")).Count);
        // 29,000 more rows kept in memory would be over 2 MB. Measured: −7.8 KB (no growth).
        Assert.True(probe.Growth < 256 * 1024, $"heap grew by {probe.Growth} bytes");
    }

    private sealed class HeapProbe(int first, int last) : ITrainingObserver
    {
        private long _atFirst;
        public long Growth { get; private set; }

        public void OnEpisode(EpisodeMetrics metrics)
        {
            if (metrics.Episode + 1 == first) _atFirst = GC.GetTotalMemory(forceFullCollection: true);
            if (metrics.Episode + 1 == last) Growth = GC.GetTotalMemory(forceFullCollection: true) - _atFirst;
        }
    }
}
