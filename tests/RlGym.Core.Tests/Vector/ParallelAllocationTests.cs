using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Vector;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Vector;

public sealed class ParallelAllocationTests
{
    [Theory]
    [InlineData(AutoresetMode.NextStep)]
    [InlineData(AutoresetMode.SameStep)]
    public void Parallel_stepping_allocates_nothing_on_the_caller_or_the_workers_after_warm_up(AutoresetMode mode)
    {
        using var env = new ParallelVectorEnv<int>(6, _ => new TimeLimit<float[], int>(new DriftEnv(), 30), mode, threads: 3);
        var actions = new[] { 0, 1, 1, 0, 1, 0 };
        env.Reset(seed: 1);
        for (int t = 0; t < 300; t++) env.Step(actions);
        long caller = GC.GetAllocatedBytesForCurrentThread(), workers = env.WorkerAllocatedBytes;
        for (int t = 0; t < 2000; t++)
        {
            actions[t % 6] ^= 1;
            env.Step(actions);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - caller);
        Assert.Equal(0, env.WorkerAllocatedBytes - workers);
    }
}
