using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class ClipActionTests
{
    [Fact]
    public void Actions_are_clipped_into_the_inner_box()
    {
        var env = new ClipAction<float[]>(new EchoActionEnv());
        env.Reset(seed: 0);
        Assert.Equal([1f, -0.5f], env.Step([5f, -0.5f]).Observation);
        Assert.Equal([-1f, 1f], env.Step([-3f, 1.0001f]).Observation);
    }

    [Fact]
    public void The_callers_array_is_left_untouched()
    {
        var env = new ClipAction<float[]>(new EchoActionEnv());
        env.Reset(seed: 0);
        var action = new[] { 5f, -5f };
        env.Step(action);
        Assert.Equal([5f, -5f], action);
    }

    [Fact]
    public void The_action_space_becomes_unbounded() =>
        Assert.Equal("Box(-inf, inf, (2,), float32)", new ClipAction<float[]>(new EchoActionEnv()).ActionSpace.ToString());

    [Fact]
    public void Stepping_allocates_nothing()
    {
        var env = new ClipAction<float[]>(new EchoActionEnv());
        env.Reset(seed: 0);
        var action = new[] { 2f, -2f };
        for (int i = 0; i < 50; i++) env.Step(action);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 300; i++) env.Step(action);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
