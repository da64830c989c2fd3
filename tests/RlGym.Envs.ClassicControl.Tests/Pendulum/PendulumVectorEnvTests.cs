using RlGym.Core.Random;
using RlGym.Core.Vector;
using RlGym.Envs.ClassicControl.Tests.Common;
using RlGym.Envs.Testing;

namespace RlGym.Envs.ClassicControl.Tests.Pendulum;

public sealed class PendulumVectorEnvTests
{
    [Theory]
    [InlineData(0L, AutoresetMode.NextStep, 1)]
    [InlineData(8L, AutoresetMode.SameStep, 1)]
    [InlineData(21L, AutoresetMode.NextStep, 2)]
    public void Every_copy_follows_the_registry_made_single_env_with_its_seed_bit_for_bit(long seed, AutoresetMode mode, int threads)
    {
        var registry = Registry.Create();
        const int k = 70;
        using var reference = new SyncVectorEnv<float[]>(k, _ => registry.Make<float[], float[]>("Pendulum-v1", maxEpisodeSteps: 30), mode);
        using var vector = (PendulumVectorEnv)registry.MakeVector<float[]>("Pendulum-v1", k, maxEpisodeSteps: 30, autoresetMode: mode, threads: threads);
        Assert.Equal(reference.Reset(seed), vector.Reset(seed));
        var rng = new Rng(seed + 1);
        int clipped = 0;
        var (_, truncations) = VectorTrajectories.Compare(reference, vector, 100,
            actions =>
            {
                // Torques up to 3 N·m either way: a third of them beyond the bound, which both clip.
                for (int i = 0; i < k; i++)
                {
                    actions[i] = [(float)rng.Uniform(-3, 3)];
                    if (Math.Abs(actions[i][0]) > PendulumEnv.MaxTorque) clipped++;
                }
            },
            i => Assert.Equal(((PendulumEnv)reference.Envs[i].Unwrapped).State, vector.GetState(i)));
        Assert.True(truncations >= 3 * k, $"only {truncations} truncations");
        Assert.True(clipped > 1000, $"only {clipped} torques beyond the bound");
    }

    [Fact]
    public void Options_reach_every_copy_as_they_reach_the_single_env()
    {
        var registry = Registry.Create();
        using var reference = new SyncVectorEnv<float[]>(5, _ => registry.Make<float[], float[]>("Pendulum-v1", Registry.Options(("g", "9.81"))));
        using var vector = (PendulumVectorEnv)registry.MakeVector<float[]>("Pendulum-v1", 5, Registry.Options(("g", "9.81")));
        Assert.Equal(9.81, vector.G);
        var start = Registry.Options(("x_init", "0.5"), ("y_init", "0.25"));
        Assert.Equal(reference.Reset(4, start), vector.Reset(4, start));
        for (int i = 0; i < 5; i++) Assert.InRange(vector.GetState(i).Theta, -0.5, 0.5);
        float[][] push = [[1.5f], [-2f], [0f], [0.25f], [-0.75f]];
        for (int t = 0; t < 20; t++) Assert.Equal(reference.Step(push).Observations, vector.Step(push).Observations);
    }

    [Fact]
    public void A_torque_that_is_not_one_number_is_refused_naming_the_copy()
    {
        using var vector = Registry.Create().MakeVector<float[]>("Pendulum-v1", 3);
        vector.Reset(0);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([[0f], [float.NaN], [0f]]));
        Assert.Contains("copy 1", nan.Message);
        var pair = Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([[0f], [0f], [1f, 2f]]));
        Assert.Contains("copy 2", pair.Message);
        vector.Step([[5f], [-5f], [0f]]); // beyond the bound: clipped, as the single env clips it
    }
}
