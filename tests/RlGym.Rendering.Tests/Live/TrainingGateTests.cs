using RlGym.Rendering.Live;

namespace RlGym.Rendering.Tests.Live;

public sealed class TrainingGateTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    /// <summary>A trainer thread that takes up to <paramref name="steps"/> steps through the gate.</summary>
    private static (Task Task, Func<int> Count) Trainer(TrainingGate gate, int steps, CancellationToken token = default)
    {
        int count = 0;
        var task = Task.Factory.StartNew(() =>
        {
            for (int i = 0; i < steps && !token.IsCancellationRequested; i++)
            {
                gate.WaitForTurn(token);
                Interlocked.Increment(ref count);
            }
        }, TaskCreationOptions.LongRunning);
        return (task, () => Volatile.Read(ref count));
    }

    // The trainer is a thread of its own (LongRunning), so waiting on it blocks nothing it needs.
    private static bool Ends(Task task, int milliseconds) => task.Wait(milliseconds);
    private static bool Ends(Task task, TimeSpan timeout) => task.Wait(timeout);

    private static void WaitUntil(Func<bool> condition)
    {
        Assert.True(SpinWait.SpinUntil(condition, Long), "condition not reached");
    }

    [Fact]
    public void Running_free_never_waits()
    {
        var gate = new TrainingGate();
        for (int i = 0; i < 1000; i++) gate.WaitForTurn();
        Assert.True(gate.IsTurbo);
        Assert.Equal("turbo", gate.Describe());
    }

    [Fact]
    public void A_paused_trainer_moves_one_step_per_step_request()
    {
        var gate = new TrainingGate(paused: true);
        var (task, count) = Trainer(gate, 3);
        Assert.False(Ends(task, 150));
        Assert.Equal(0, count());
        gate.StepOnce();
        WaitUntil(() => count() == 1);
        gate.StepOnce();
        WaitUntil(() => count() == 2);
        Assert.False(Ends(task, 150));
        Assert.Equal(2, count());
        gate.TogglePause(); // resume in turbo
        Assert.True(Ends(task, Long));
    }

    [Fact]
    public void A_slowed_trainer_takes_the_steps_of_the_time_that_passed()
    {
        // 20 steps/s: a frame of 0.1 s grants 2 steps.
        var gate = new TrainingGate(stepsPerSecond: 20);
        var (task, count) = Trainer(gate, 5);
        Assert.False(Ends(task, 100));
        gate.OnFrame(0.1);
        WaitUntil(() => count() == 2);
        Assert.False(Ends(task, 150));
        Assert.Equal(2, count());
        gate.OnFrame(0.1);
        WaitUntil(() => count() == 4);
        gate.OnFrame(0.1);
        Assert.True(Ends(task, Long));
        Assert.Equal(5, count());
    }

    [Fact]
    public void A_pace_below_the_frame_rate_grants_a_step_every_few_frames()
    {
        // 4 steps/s at 60 frames/s: one step per 15 frames, so 60 frames give exactly 4.
        var gate = new TrainingGate(stepsPerSecond: 4);
        var (task, count) = Trainer(gate, 100);
        for (int frame = 0; frame < 60; frame++)
        {
            gate.OnFrame(1 / 60.0);
            Thread.Sleep(5);
        }
        WaitUntil(() => count() == 4);
        Thread.Sleep(100);
        Assert.Equal(4, count());
        gate.Release();
        Assert.True(Ends(task, Long));
    }

    [Fact]
    public void A_long_stall_causes_no_burst()
    {
        var gate = new TrainingGate(stepsPerSecond: 100);
        var (task, count) = Trainer(gate, 1000);
        gate.OnFrame(5); // a five-second frame grants at most a tenth of a second's steps
        Thread.Sleep(200);
        Assert.InRange(count(), 1, 10);
        gate.Release();
        Assert.True(Ends(task, Long));
    }

    [Fact]
    public void Closing_the_window_or_cancelling_lets_a_paused_trainer_go()
    {
        var gate = new TrainingGate(paused: true);
        var (released, _) = Trainer(gate, 10);
        gate.Release();
        Assert.True(Ends(released, Long));

        using var cts = new CancellationTokenSource();
        var paused = new TrainingGate(paused: true);
        var (cancelled, _) = Trainer(paused, 10, cts.Token);
        cts.Cancel();
        Assert.True(Ends(cancelled, Long));
    }

    [Fact]
    public void Up_and_down_move_through_the_paces()
    {
        var gate = new TrainingGate(stepsPerSecond: 1);
        gate.Slower();
        Assert.Equal(1, gate.StepsPerSecond);
        gate.Faster();
        Assert.Equal("2 steps/s", gate.Describe());
        var odd = new TrainingGate(stepsPerSecond: 3);
        odd.Faster();
        Assert.Equal(4, odd.StepsPerSecond);
        odd.Slower();
        Assert.Equal(2, odd.StepsPerSecond);
        for (int i = 0; i < 20; i++) gate.Faster();
        Assert.True(gate.IsTurbo);
        gate.Slower();
        Assert.Equal(10_000, gate.StepsPerSecond);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingGate(stepsPerSecond: -1));
    }

    [Fact]
    public void A_speeding_up_gate_moves_one_pace_per_episode_and_stops_at_the_ceiling()
    {
        var gate = new TrainingGate(stepsPerSecond: 4, speedUp: true);
        Assert.Equal("4 steps/s, speeding up (↑↓ hold)", gate.Describe());
        var seen = new List<double>();
        for (int episode = 0; episode < 20; episode++)
        {
            gate.OnEpisodeEnd();
            seen.Add(gate.StepsPerSecond);
        }
        Assert.Equal([8, 15, 30, 60, 120, 250, 500, 1000, 2500, 10_000], seen.Take(10));
        Assert.All(seen.Skip(10), pace => Assert.Equal(TrainingGate.SpeedUpCeiling, pace));
        Assert.False(gate.IsSpeedingUp);
        Assert.False(gate.IsTurbo);
        Assert.Equal("10,000 steps/s", gate.Describe());
    }

    [Fact]
    public void A_speeding_up_gate_also_moves_one_pace_per_second_without_episodes()
    {
        // MountainCar's first episode lasts 200 steps, almost 7 s at 30 steps/s: time speeds it up too.
        var gate = new TrainingGate(stepsPerSecond: 30, speedUp: true);
        for (int frame = 0; frame < 59; frame++) gate.OnFrame(1 / 60.0);
        Assert.Equal(30, gate.StepsPerSecond);
        gate.OnFrame(1 / 60.0);
        gate.OnFrame(1 / 60.0);
        Assert.Equal(60, gate.StepsPerSecond);
        gate.OnEpisodeEnd();
        Assert.Equal(120, gate.StepsPerSecond);
        for (int frame = 0; frame < 30; frame++) gate.OnFrame(1 / 60.0);
        Assert.Equal(120, gate.StepsPerSecond); // the second restarts at each new pace
        gate.Release();
    }

    [Fact]
    public void A_key_or_a_pause_holds_the_pace_of_a_speeding_up_gate()
    {
        var slowed = new TrainingGate(stepsPerSecond: 50, speedUp: true);
        slowed.OnEpisodeEnd();
        slowed.Slower();
        slowed.OnEpisodeEnd();
        Assert.Equal(30, slowed.StepsPerSecond);

        var paused = new TrainingGate(stepsPerSecond: 4, speedUp: true);
        paused.TogglePause();
        paused.OnEpisodeEnd();
        paused.TogglePause();
        paused.OnEpisodeEnd();
        Assert.Equal(4, paused.StepsPerSecond);
        Assert.False(paused.IsSpeedingUp);
    }

    [Fact]
    public void A_gate_without_speed_up_keeps_its_pace_after_episodes()
    {
        var gate = new TrainingGate(stepsPerSecond: 4);
        for (int episode = 0; episode < 5; episode++) gate.OnEpisodeEnd();
        Assert.Equal(4, gate.StepsPerSecond);
        Assert.Equal("4 steps/s", gate.Describe());
    }
}
