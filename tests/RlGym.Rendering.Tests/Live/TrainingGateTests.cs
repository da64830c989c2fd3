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
    public void A_slowed_trainer_takes_the_steps_of_each_frame()
    {
        var gate = new TrainingGate(stepsPerFrame: 2);
        var (task, count) = Trainer(gate, 5);
        Assert.False(Ends(task, 100));
        gate.OnFrame();
        WaitUntil(() => count() == 2);
        Assert.False(Ends(task, 150));
        Assert.Equal(2, count());
        gate.OnFrame();
        WaitUntil(() => count() == 4);
        gate.OnFrame();
        Assert.True(Ends(task, Long));
        Assert.Equal(5, count());
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
        var gate = new TrainingGate(stepsPerFrame: 1);
        gate.Slower();
        Assert.Equal(1, gate.StepsPerFrame);
        gate.Faster();
        Assert.Equal("2 steps/frame", gate.Describe());
        for (int i = 0; i < 20; i++) gate.Faster();
        Assert.True(gate.IsTurbo);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingGate(stepsPerFrame: 3));
    }
}
