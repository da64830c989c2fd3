using RlGym.Core.Environments;
using RlGym.Core.Random;

namespace RlGym.Envs.ClassicControl.Tests.Common;

public sealed class AllocationTests
{
    private static long BytesAllocatedBy<TAct>(IEnv<float[], TAct> env, TAct[] actions) where TAct : notnull
    {
        env.Reset(1);
        void Run()
        {
            foreach (var a in actions)
                if (env.Step(a).Done) env.Reset();
        }
        Run(); // warm-up: JIT and tiering
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int[] DiscreteActions(int n)
    {
        var rng = new Rng(3);
        return Enumerable.Range(0, 3000).Select(_ => rng.NextInt(n)).ToArray();
    }

    [Theory]
    [InlineData("CartPole-v1", 2)]
    [InlineData("MountainCar-v0", 3)]
    [InlineData("Acrobot-v1", 3)]
    public void Stepping_a_discrete_env_allocates_nothing_after_warm_up(string id, int n)
    {
        var wrapped = Registry.Create().Make<float[], int>(id);
        Assert.Equal(0, BytesAllocatedBy(wrapped, DiscreteActions(n)));
        var bare = (IEnv<float[], int>)wrapped.Unwrapped;
        Assert.Equal(0, BytesAllocatedBy(bare, DiscreteActions(n)));
    }

    [Fact]
    public void Stepping_the_pendulum_allocates_nothing_after_warm_up()
    {
        var rng = new Rng(4);
        var torques = Enumerable.Range(0, 3000).Select(_ => new[] { (float)rng.Uniform(-3, 3) }).ToArray();
        var wrapped = Registry.Create().Make<float[], float[]>("Pendulum-v1");
        Assert.Equal(0, BytesAllocatedBy(wrapped, torques));
        Assert.Equal(0, BytesAllocatedBy((IEnv<float[], float[]>)wrapped.Unwrapped, torques));
    }

    [Fact]
    public void The_previous_observation_stays_valid_after_the_next_step()
    {
        var env = new CartPoleEnv();
        var s0 = env.Reset(2).Observation;
        var copy = (float[])s0.Clone();
        var s1 = env.Step(1).Observation;
        Assert.NotSame(s0, s1);
        Assert.Equal(copy, s0);
    }
}
