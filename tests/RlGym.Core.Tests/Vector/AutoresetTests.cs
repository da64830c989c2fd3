using RlGym.Core.Environments;
using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Vector;

namespace RlGym.Core.Tests.Vector;

public sealed class AutoresetTests
{
    // Copy 0 replays 0, 1, 2 (terminated at 2); copy 1 replays 10, 11 (terminated at 11). Step k's reward is k.
    private static ScriptedBoxEnv[] Scripts() =>
    [
        new(new Box(-100f, 100f, 1), [0f], [1f], [2f]),
        new(new Box(-100f, 100f, 1), [10f], [11f]),
    ];

    public static TheoryData<string> Kinds => ["sync", "parallel"];

    private static VectorEnv<int> Make(string kind, IEnumerable<IEnv<float[], int>> envs, AutoresetMode mode) =>
        kind == "sync" ? new SyncVectorEnv<int>(envs, mode) : new ParallelVectorEnv<int>(envs, mode, threads: 2);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Next_step_mode_resets_on_the_call_after_the_end(string kind)
    {
        var scripts = Scripts();
        using var env = Make(kind, scripts, AutoresetMode.NextStep);
        int[] actions = [1, 1];
        Assert.Equal([0f, 10f], env.Reset(seed: 0));

        Expect(env.Step(actions), obs: [1, 11], rewards: [1, 1], terminated: [false, true]);
        // Copy 1 ended: this call resets it (reward 0, flags false, the action ignored).
        Expect(env.Step(actions), obs: [2, 10], rewards: [2, 0], terminated: [true, false]);
        Assert.Equal((2, 1), (scripts[0].StepCount, scripts[1].StepCount));
        Expect(env.Step(actions), obs: [0, 11], rewards: [0, 1], terminated: [false, true]);
        Expect(env.Step(actions), obs: [1, 10], rewards: [1, 0], terminated: [false, false]);
        Assert.Equal((3, 2), (scripts[0].StepCount, scripts[1].StepCount));
        Assert.All(env.HasFinalObservation, Assert.False);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Same_step_mode_resets_at_once_and_keeps_the_final_observation(string kind)
    {
        using var env = Make(kind, Scripts(), AutoresetMode.SameStep);
        int[] actions = [0, 0];
        env.Reset(seed: 0);

        Expect(env.Step(actions), obs: [1, 10], rewards: [1, 1], terminated: [false, true]);
        Assert.Equal([false, true], env.HasFinalObservation);
        Assert.Equal(11f, env.FinalObservations[1]);

        Expect(env.Step(actions), obs: [0, 10], rewards: [2, 1], terminated: [true, true]);
        Assert.Equal([true, true], env.HasFinalObservation);
        Assert.Equal([2f, 11f], env.FinalObservations);

        Expect(env.Step(actions), obs: [1, 10], rewards: [1, 1], terminated: [false, true]);
        Assert.Equal([false, true], env.HasFinalObservation);
    }

    [Fact]
    public void Truncation_triggers_autoreset_like_termination()
    {
        var copies = Enumerable.Range(0, 2).Select(_ => (IEnv<float[], int>)new Core.Wrappers.TimeLimit<float[], int>(new DriftEnv(), 2));
        using var env = new SyncVectorEnv<int>(copies);
        var first = (float[])env.Reset(seed: 3).Clone();
        env.Step([1, 1]);
        var end = env.Step([1, 1]);
        Assert.Equal([true, true], end.Truncated);
        var reset = env.Step([1, 1]);
        Assert.Equal([false, false], reset.Truncated);
        Assert.Equal([0.0, 0.0], reset.Rewards);
        // Unseeded resets continue each copy's stream, so the new starts differ from the seeded ones.
        Assert.NotEqual(first, reset.Observations);
    }

    [Fact]
    public void The_previous_batch_stays_valid_for_one_step()
    {
        using var env = new SyncVectorEnv<int>(Scripts());
        var s = env.Reset(seed: 0);
        var next = env.Step([1, 1]).Observations;
        Assert.NotSame(s, next);
        Assert.Equal([0f, 10f], s);
    }

    private static void Expect(VectorStepResult r, float[] obs, double[] rewards, bool[] terminated)
    {
        Assert.Equal(obs, r.Observations);
        Assert.Equal(rewards, r.Rewards);
        Assert.Equal(terminated, r.Terminated);
        Assert.Equal([false, false], r.Truncated);
    }
}
