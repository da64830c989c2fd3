using RlGym.Core.Environments;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class RecordEpisodeStatisticsTests
{
    [Fact]
    public void The_step_that_ends_an_episode_reports_return_and_length()
    {
        var env = new RecordEpisodeStatistics<int, int>(new CorridorEnv(length: 4));
        env.Reset(seed: 0);
        // Left from cell 0 stays at 0; then three steps right reach cell 3: five steps at −1 each.
        Assert.Same(Info.Empty, env.Step(0).Info);
        Assert.Same(Info.Empty, env.Step(0).Info);
        env.Step(1);
        env.Step(1);
        var last = env.Step(1);
        Assert.True(last.Terminated);
        var stats = Assert.IsType<EpisodeStatistics>(last.Info[RecordEpisodeStatistics<int, int>.InfoKey]);
        Assert.Equal((-5.0, 5), (stats.Return, stats.Length));
        Assert.InRange(stats.Seconds, 0, 60);
    }

    [Fact]
    public void Truncation_ends_the_episode_too()
    {
        var env = new RecordEpisodeStatistics<int, int>(new TimeLimit<int, int>(new CorridorEnv(length: 10), 3));
        env.Reset(seed: 0);
        env.Step(1);
        env.Step(1);
        var last = env.Step(1);
        Assert.True(last.Truncated);
        Assert.Equal(3, ((EpisodeStatistics)last.Info["episode"]).Length);
    }

    [Fact]
    public void Queues_keep_only_the_last_buffer_length_episodes()
    {
        var env = new RecordEpisodeStatistics<int, int>(new CorridorEnv(length: 10), bufferLength: 3);
        for (int episode = 1; episode <= 5; episode++)
        {
            env.Reset(seed: episode);
            // Episode k: k steps left against the wall, then nine to the right.
            for (int i = 0; i < episode; i++) env.Step(0);
            while (!env.Step(1).Terminated) { }
        }
        Assert.Equal(5, env.EpisodeCount);
        Assert.Equal([12, 13, 14], env.LengthQueue);
        Assert.Equal([-12.0, -13.0, -14.0], env.ReturnQueue);
        Assert.Equal(3, env.TimeQueue.Count);
    }

    [Fact]
    public void Reset_mid_episode_restarts_the_count()
    {
        var env = new RecordEpisodeStatistics<int, int>(new CorridorEnv(length: 3));
        env.Reset(seed: 0);
        env.Step(0);
        env.Step(0);
        env.Reset();
        env.Step(1);
        var last = env.Step(1);
        Assert.Equal(2, ((EpisodeStatistics)last.Info["episode"]).Length);
        Assert.Equal(2, env.CurrentLength);
        Assert.Equal([-2.0], env.ReturnQueue);
    }

    [Fact]
    public void The_inner_info_is_kept_beside_the_statistics()
    {
        var inner = new RecordEpisodeStatistics<int, int>(new CorridorEnv(length: 2));
        var outer = new RecordEpisodeStatistics<int, int>(inner);
        outer.Reset(seed: 0);
        var last = outer.Step(1);
        Assert.Single(last.Info);
        Assert.Same(inner, outer.Inner);
        Assert.IsType<CorridorEnv>(outer.Unwrapped);
    }

    [Fact]
    public void Steps_inside_an_episode_allocate_nothing()
    {
        var env = new RecordEpisodeStatistics<int, int>(new CorridorEnv(length: 1000));
        env.Reset(seed: 0);
        for (int i = 0; i < 100; i++) env.Step(i % 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++) env.Step(i % 2);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_non_positive_buffer_length_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordEpisodeStatistics<int, int>(new CorridorEnv(), 0));
}
