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
