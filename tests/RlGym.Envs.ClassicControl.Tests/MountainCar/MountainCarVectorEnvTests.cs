using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Vector;
using RlGym.Envs.ClassicControl.Tests.Common;
using RlGym.Envs.Testing;

namespace RlGym.Envs.ClassicControl.Tests.MountainCar;

public sealed class MountainCarVectorEnvTests
{
    [Theory]
    [InlineData(0L, AutoresetMode.NextStep, 1)]
    [InlineData(9L, AutoresetMode.SameStep, 1)]
    [InlineData(31L, AutoresetMode.NextStep, 2)]
    public void Every_copy_follows_the_registry_made_single_env_with_its_seed_bit_for_bit(long seed, AutoresetMode mode, int threads)
    {
        var registry = Registry.Create();
        const int k = 150;
        using var reference = new SyncVectorEnv<int>(k, _ => registry.Make<float[], int>("MountainCar-v0", maxEpisodeSteps: 40), mode);
        using var vector = (MountainCarVectorEnv)registry.MakeVector<int>("MountainCar-v0", k, maxEpisodeSteps: 40, autoresetMode: mode, threads: threads);
        // Starting right below the flag, most copies reach it (termination) before the limit; the autoresets that
        // follow start in the valley and are truncated.
        var start = Registry.Options(("low", "0.42"), ("high", "0.5"));
        Assert.Equal(reference.Reset(seed, start), vector.Reset(seed, start));
        var rng = new Rng(seed + 1);
        var (terminations, truncations) = VectorTrajectories.Compare(reference, vector, 200,
            // Mostly pushing right, so that the copies started below the flag reach it.
            actions => { for (int i = 0; i < k; i++) actions[i] = rng.NextInt(5) < 4 ? 2 : rng.NextInt(3); },
            i => Assert.Equal(((MountainCarEnv)reference.Envs[i].Unwrapped).State, vector.GetState(i)));
        Assert.True(terminations > k / 2, $"only {terminations} terminations");
        Assert.True(truncations > 10, $"only {truncations} truncations");
    }

    [Fact]
    public void The_goal_velocity_option_reaches_every_copy()
    {
        using var vector = (MountainCarVectorEnv)Registry.Create().MakeVector("MountainCar-v0", 3, Registry.Options(("goal_velocity", "0.01")));
        Assert.Equal(0.01, vector.GoalVelocity);
    }
}
