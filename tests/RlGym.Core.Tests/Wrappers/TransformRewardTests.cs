using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class TransformRewardTests
{
    [Fact]
    public void The_function_applies_to_every_reward_and_nothing_else()
    {
        var env = new TransformReward<int, int>(new CorridorEnv(length: 3), r => 10 * r + 1);
        env.Reset(seed: 0);
        var step = env.Step(1);
        Assert.Equal((-9.0, 1, false), (step.Reward, step.Observation, step.Terminated));
        Assert.True(env.Step(1).Terminated);
    }

    [Fact]
    public void Scale_multiplies()
    {
        var env = TransformReward<int, int>.Scale(new CorridorEnv(), 0.01);
        env.Reset(seed: 0);
        Assert.Equal(-0.01, env.Step(1).Reward);
    }

    [Fact]
    public void Clip_bounds_the_reward()
    {
        var env = TransformReward<float[], int>.Clip(new ScriptedBoxEnv(new Core.Spaces.Box(0f, 1f, 1), [0f], [0f], [0f], [0f]), 0, 2);
        env.Reset(seed: 0);
        Assert.Equal([1.0, 2.0, 2.0], new[] { env.Step(0).Reward, env.Step(0).Reward, env.Step(0).Reward });
    }

    [Fact]
    public void Clip_with_min_above_max_is_refused() =>
        Assert.Throws<ArgumentException>(() => TransformReward<int, int>.Clip(new CorridorEnv(), 1, -1));
}
