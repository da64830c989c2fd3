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
}
