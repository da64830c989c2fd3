using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Vector;

namespace RlGym.Core.Tests.Vector;

public sealed class ArrayVectorThreadsTests
{
    // 256 copies on two threads: four blocks of 64, copies 0–127 the caller's, 128–255 the worker's.
    private const int Copies = 256;

    [Fact]
    public void A_thread_that_finishes_first_leaves_the_blocks_of_a_run_its_owner_has_begun()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        env.Reset(seed: 1);
        env.Step(new int[Copies]);
        // The caller's first block waits long enough for the worker to begin its own run, whose first block then
        // outlasts the caller's whole run: a caller that helped would take the worker's later blocks meanwhile,
        // and their state would move to its core.
        env.Delays = new Dictionary<int, int> { [0] = 100, [128] = 300 };
        env.AdvancedBy.Clear();
        env.Step(new int[Copies]);

        Assert.Equal(4, env.AdvancedBy.Count);
        Assert.Single(new[] { env.AdvancedBy[128], env.AdvancedBy[192] }.Distinct());
        Assert.NotEqual(env.AdvancedBy[0], env.AdvancedBy[128]);
    }

    [Fact]
    public void Every_copy_steps_once_per_step_whichever_thread_steps_it()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        env.Reset(seed: 1);
        for (int t = 1; t <= 50; t++)
        {
            var observations = env.Step(new int[Copies]).Observations;
            Assert.All(observations, o => Assert.Equal(t, o));
        }
    }

    [Fact]
    public void Every_thread_reads_the_actions_of_the_step_it_is_given()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        env.Reset(seed: 1);
        var random = new System.Random(3);
        for (int t = 0; t < 50; t++)
        {
            // A new array on every step: a thread that read an earlier step's actions would return their rewards.
            var actions = Enumerable.Range(0, Copies).Select(_ => random.Next(2)).ToArray();
            var rewards = env.Step(actions).Rewards;
            Assert.Equal(actions.Select(a => (double)a), rewards);
        }
    }

    [Fact]
    public async Task A_step_after_the_workers_have_gone_to_sleep_wakes_them_and_steps_every_copy_once()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        env.Reset(seed: 1);
        // The caller's first block lasts long enough for a woken worker to begin its own run; a worker left asleep
        // would leave its blocks to the caller.
        env.Delays = new Dictionary<int, int> { [0] = 50 };
        var stepping = Task.Run(() =>
        {
            for (int t = 1; t <= 5; t++)
            {
                // Workers spin, then yield for half a millisecond, then sleep until a step wakes them.
                Thread.Sleep(20);
                env.AdvancedBy.Clear();
                var observations = env.Step(new int[Copies]).Observations;
                Assert.All(observations, o => Assert.Equal(t, o));
                Assert.NotEqual(env.AdvancedBy[0], env.AdvancedBy[128]);
            }
        });

        var first = await Task.WhenAny(stepping, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(stepping, first);
        await stepping;
    }

    [Fact]
    public void Each_threads_copies_in_a_state_array_are_followed_by_4_KB_that_no_copy_uses()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        const int gap = 4096 / sizeof(double);

        Assert.Equal(Copies + 2 * gap, env.StateLength);
        Assert.Equal(127, env.StateIndex(127));
        Assert.Equal(128 + gap, env.StateIndex(128));
        Assert.Equal(255 + gap, env.StateIndex(255));
    }

    [Fact]
    public void The_lower_of_two_threads_steps_its_copies_downward_and_the_upper_upward()
    {
        using var two = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 2));
        using var one = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 1));

        Assert.True(two.Downward(0));
        Assert.True(two.Downward(64));
        Assert.False(two.Downward(128));
        Assert.False(two.Downward(192));
        Assert.False(one.Downward(0));
    }

    [Fact]
    public void With_one_thread_copy_i_of_a_state_array_is_element_i()
    {
        using var env = new RecordingArrayVectorEnv(new VectorEnvSettings(Copies, Threads: 1));

        Assert.Equal(Copies, env.StateLength);
        Assert.All(Enumerable.Range(0, Copies), i => Assert.Equal(i, env.StateIndex(i)));
    }
}
