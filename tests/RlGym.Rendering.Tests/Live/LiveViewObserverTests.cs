using RlGym.Rendering.Live;
using RlGym.Rendering.Tests.Fakes;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Tests.Live;

public sealed class LiveViewObserverTests
{
    private static EpisodeMetrics Episode(int i, double ret) => new(i, i * 10L, ret, 10, 0.5, 0.1);

    [Fact]
    public void Nothing_is_copied_until_the_window_asks()
    {
        var grid = FakeGrid.FourByFour();
        var values = new FakeValues(16, 4);
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(grid, values, queue);
        for (int i = 0; i < 100; i++) observer.OnStep(grid, i % 16, i);
        Assert.Equal(0, queue.Version);
        Assert.Equal(0, values.Reads);
        Assert.Null(queue.Latest);

        queue.Request();
        observer.OnStep(grid, 3, 100);
        observer.OnStep(grid, 4, 101);
        Assert.Equal(1, queue.Version); // one request, one snapshot
        Assert.False(queue.IsRequested);
        Assert.Equal(100, queue.Latest!.Step);
    }

    [Fact]
    public void The_first_reset_is_published_unasked_and_the_end_of_the_run_is_published_last()
    {
        var grid = FakeGrid.FourByFour();
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(grid, null, queue);
        observer.OnEpisodeStart(grid, 0);
        Assert.Equal(1, queue.Version);
        Assert.Equal(0, queue.Latest!.Episode);
        Assert.False(queue.Latest.Finished);
        observer.OnEpisodeStart(grid, 0); // later resets wait for a request
        Assert.Equal(1, queue.Version);

        grid.CurrentState = 5;
        observer.OnAction(2, 1.0);
        observer.OnStep(grid, 5, 1);
        observer.OnEpisode(Episode(0, 1.0));
        observer.PublishFinal();
        var last = queue.Latest!;
        Assert.True(last.Finished);
        Assert.Equal(1, last.Episode);
        Assert.Equal((1, 1), (last.Grid!.AgentRow, last.Grid.AgentColumn));
        Assert.Equal(1.0, last.EpisodeReturn);
        Assert.Equal(1.0, last.LastReward);
        Assert.Equal([(0, 0), (1, 1)], last.Grid.Trail);
    }

    [Fact]
    public void A_grid_snapshot_holds_the_agent_cell_values_and_greedy_actions()
    {
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 6;
        var values = new FakeValues(16, 4).Set(6, 2, 0.7).Set(14, 1, 0.9);
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(grid, values, queue);
        queue.Request();
        observer.OnStep(grid, 6, 1);
        var frame = queue.Latest!.Grid!;
        Assert.Equal((1, 2), (frame.AgentRow, frame.AgentColumn));
        Assert.Equal(0.7, frame.CellValues![6]);
        Assert.Equal(2, frame.GreedyActions![6]);
        Assert.Equal(0.9, frame.CellValues[14]);
        Assert.Equal(-1, frame.GreedyActions[0]); // an all-zero row is a tie
        Assert.Equal([0.7 - 1, 0.7 - 1, 0.7, 0.7 - 1], queue.Latest.ActionValues!);
        Assert.Equal(0.25, queue.Latest.ExplorationRate);
    }

    [Fact]
    public void With_several_states_per_cell_cells_show_the_states_sharing_the_current_rest()
    {
        // Two states per cell (as Taxi's passenger and destination): the agent is in state 7 = cell 3, rest 1.
        var grid = new FakeGrid("Taxi-v3", 2, "FFFF", "FFFF") { CurrentState = 7 };
        var values = new FakeValues(16, 4);
        for (int s = 0; s < 16; s++) values.Set(s, s % 4, s);
        var frame = GridFrame.Capture(GridLayout.From(grid), grid, 16, values);
        Assert.Equal((0, 3), (frame.AgentRow, frame.AgentColumn));
        Assert.Equal([1, 3, 5, 7, 9, 11, 13, 15], frame.CellValues!);
        Assert.Equal([1, 3, 1, 3, 1, 3, 1, 3], frame.GreedyActions!);
    }

    [Fact]
    public void A_mosaic_shows_copy_0_once_the_other_copies_have_stepped_and_carries_their_pictures()
    {
        var envs = Enumerable.Range(0, 3).Select(_ => new FakeObservationEnv("CartPole-v1", 4)).ToArray();
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(envs[0], null, queue, mosaic: 3);
        Assert.Equal(3, observer.WatchedCopies);

        observer.OnEpisodeStart(envs[0], envs[0].Observation);
        observer.OnCopyEpisodeStart(1, envs[1], envs[1].Observation);
        Assert.Equal(0, queue.Version); // the start waits for copy 2
        observer.OnCopyEpisodeStart(2, envs[2], envs[2].Observation);
        observer.OnCopiesStepped();
        Assert.Equal(1, queue.Version);
        Assert.Equal(2, queue.Latest!.Copies.Count);

        queue.Request();
        envs[0].Observation[0] = 0.5f;
        observer.OnAction(1, 1.0);
        observer.OnStep(envs[0], envs[0].Observation, 3);
        envs[1].Observation[0] = -1.5f;
        observer.OnCopyStep(1, envs[1], envs[1].Observation, 0, 1.0);
        Assert.Equal(1, queue.Version); // copy 0 alone has stepped: nothing shown yet
        envs[2].Observation[0] = 2f;
        observer.OnCopyStep(2, envs[2], envs[2].Observation, 1, 1.0);
        observer.OnCopiesStepped();

        var frame = queue.Latest!;
        Assert.Equal(2, queue.Version);
        Assert.Equal(0.5f, frame.Observation[0]);
        Assert.Equal([-1.5f, 2f], frame.Copies.Select(c => c.Observation[0]));
        Assert.Equal([1, 1], frame.Copies.Select(c => c.EpisodeStep));
        Assert.Equal([1.0, 1.0], frame.Copies.Select(c => c.EpisodeReturn));
        Assert.Equal(["←", "→"], frame.Copies.Select(c => c.LastAction)); // CartPole's labels
        envs[1].Observation[0] = 9f;
        Assert.Equal(-1.5f, frame.Copies[0].Observation[0]); // a copy, not the env's array
    }

    [Fact]
    public void Copies_beyond_the_mosaic_are_ignored_and_copies_not_yet_reset_are_left_out()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(env, null, queue, mosaic: 3);
        observer.OnEpisodeStart(env, env.Observation);
        observer.OnCopyEpisodeStart(2, env, env.Observation);
        observer.OnCopyEpisodeStart(3, env, env.Observation);
        observer.OnCopiesStepped();
        Assert.Single(queue.Latest!.Copies);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveViewObserver(env, null, queue, mosaic: 0));
    }

    [Fact]
    public void A_snapshot_keeps_its_observation_and_returns_while_training_goes_on()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(env, null, queue);
        for (int e = 0; e < 200; e++) observer.OnEpisode(Episode(e, e));
        env.Observation[0] = 1.5f;
        queue.Request();
        observer.OnStep(env, env.Observation, 2000);
        var early = queue.Latest!;

        env.Observation[0] = -2f;
        for (int e = 200; e < 1000; e++) observer.OnEpisode(Episode(e, -e)); // grows the returns store
        queue.Request();
        observer.OnStep(env, env.Observation, 9000);
        var late = queue.Latest!;

        Assert.Equal(1.5f, early.Observation[0]);
        Assert.Equal(200, early.Returns.Length);
        Assert.Equal(199, early.Returns.Span[199]);
        Assert.Equal(1000, late.Returns.Length);
        Assert.Equal(-999, late.Returns.Span[999]);
        Assert.Equal(1000, late.Episode);
        Assert.Equal(0.5, late.ExplorationRate); // from the metrics, the agent has no IExploring
        Assert.Equal("CartPole-v1", late.EnvId);
    }

    [Fact]
    public void Stepping_without_a_request_allocates_nothing()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var observer = new LiveViewObserver(env, null, queue, new TrainingGate());
        object boxed = env.Observation;
        for (int i = 0; i < 100; i++) observer.OnStep(env, boxed, i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) observer.OnStep(env, boxed, i);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Without_a_window_the_run_records_and_returns()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        string dir = Path.Combine(Path.GetTempPath(), "rlgym-liveview-" + Guid.NewGuid().ToString("N"));
        try
        {
            int episodes = 0;
            LiveView.Run(env, null, new LiveViewOptions(RecordPath: dir, RecordSchedule: e => e == 0, FrameWidth: 80, FrameHeight: 40), (observer, token) =>
            {
                for (int e = 0; e < 2; e++, episodes++)
                {
                    for (int s = 0; s < 3; s++) observer.OnStep(env, env.Observation, e * 3 + s);
                    observer.OnEpisode(Episode(e, 3));
                }
            });
            Assert.Equal(2, episodes);
            Assert.Equal(3, Directory.GetFiles(dir, "frame_*.png").Length);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
