using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Vector;
using RlGym.Envs.ClassicControl.Tests.Common;
using RlGym.Envs.Testing;

namespace RlGym.Envs.ClassicControl.Tests.CartPole;

public sealed class CartPoleVectorEnvTests
{
    // 37 copies: not a multiple of the four SIMD lanes nor of the 64-copy thread blocks, so the tails are exercised.
    private const int Copies = 37;

    public static TheoryData<long, AutoresetMode, bool, int, int> Cases()
    {
        var data = new TheoryData<long, AutoresetMode, bool, int, int>();
        foreach (long seed in new long[] { 0, 7, 2024 })
            foreach (var mode in new[] { AutoresetMode.NextStep, AutoresetMode.SameStep })
                foreach (bool vectors in new[] { true, false })
                    data.Add(seed, mode, vectors, 1, 25);
        data.Add(3, AutoresetMode.NextStep, true, 2, 25);
        data.Add(4, AutoresetMode.SameStep, true, 3, 25);
        data.Add(5, AutoresetMode.NextStep, true, 1, 500);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_copy_follows_the_registry_made_single_env_with_its_seed_bit_for_bit(
        long seed, AutoresetMode mode, bool vectors, int threads, int maxEpisodeSteps)
    {
        var registry = Registry.Create();
        int k = threads == 1 ? Copies : 300;
        using var reference = new SyncVectorEnv<int>(k, _ => registry.Make<float[], int>("CartPole-v1", maxEpisodeSteps: maxEpisodeSteps), mode);
        using var vector = (CartPoleVectorEnv)registry.MakeVector<int>("CartPole-v1", k, maxEpisodeSteps: maxEpisodeSteps, autoresetMode: mode, threads: threads);
        vector.UseVectors = vectors;
        var (terminations, truncations) = CompareTrajectories(reference, vector, seed, steps: 700);
        // The comparison covered both ways an episode ends (random pushes fail in about 22 steps).
        Assert.True(terminations > k, $"only {terminations} terminations");
        if (maxEpisodeSteps == 25) Assert.True(truncations > 0, "no truncation");
    }

    [Theory]
    [InlineData("true", "euler")]
    [InlineData("false", "semi-implicit-euler")]
    [InlineData("true", "semi-implicit-euler")]
    public void Options_reach_every_copy_as_they_reach_the_single_env(string suttonBarto, string integrator)
    {
        var registry = Registry.Create();
        var options = Registry.Options(("sutton_barto_reward", suttonBarto), ("kinematics_integrator", integrator));
        using var reference = new SyncVectorEnv<int>(Copies, _ => registry.Make<float[], int>("CartPole-v1", options, maxEpisodeSteps: 40));
        using var vector = registry.MakeVector<int>("CartPole-v1", Copies, options, maxEpisodeSteps: 40);
        CompareTrajectories(reference, (CartPoleVectorEnv)vector, seed: 11, steps: 300);
    }

    [Fact]
    public void Reset_options_bound_the_starting_state_of_every_copy()
    {
        var registry = Registry.Create();
        using var vector = registry.MakeVector<int>("CartPole-v1", Copies);
        var batch = vector.Reset(3, Registry.Options(("low", "-0.2"), ("high", "0.2")));
        var single = registry.Make<float[], int>("CartPole-v1");
        for (int i = 0; i < Copies; i++)
            Assert.Equal(single.Reset(3 + i, Registry.Options(("low", "-0.2"), ("high", "0.2"))).Observation, batch.AsSpan(4 * i, 4).ToArray());
        Assert.Contains(batch, v => Math.Abs(v) > 0.05f);
    }

    [Theory]
    [InlineData(1, AutoresetMode.NextStep)]
    [InlineData(2, AutoresetMode.NextStep)]
    [InlineData(2, AutoresetMode.SameStep)]
    public void Stepping_allocates_nothing_on_the_caller_or_the_workers_after_warm_up(int threads, AutoresetMode mode)
    {
        using var vector = (CartPoleVectorEnv)Registry.Create().MakeVector<int>("CartPole-v1", 256, maxEpisodeSteps: 30, autoresetMode: mode, threads: threads);
        var actions = new int[256];
        var rng = new Rng(1);
        vector.Reset(1);
        for (int t = 0; t < 300; t++) vector.Step(actions);
        long caller = GC.GetAllocatedBytesForCurrentThread(), workers = vector.WorkerAllocatedBytes;
        for (int t = 0; t < 2000; t++)
        {
            actions[rng.NextInt(256)] ^= 1;
            vector.Step(actions);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - caller);
        Assert.Equal(0, vector.WorkerAllocatedBytes - workers);
    }

    [Fact]
    public void Misuse_is_refused_with_a_clear_error()
    {
        using var vector = Registry.Create().MakeVector<int>("CartPole-v1", 3);
        var before = Assert.Throws<InvalidOperationException>(() => vector.Step([0, 1, 0]));
        Assert.Contains("call Reset first", before.Message);
        vector.Reset(0);
        var action = Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([0, 2, 0]));
        Assert.Contains("copy 1", action.Message);
        Assert.Contains("Discrete(2)", action.Message);
        Assert.Throws<ArgumentException>(() => vector.Step([0, 1]));
        var option = Assert.Throws<UserInputException>(() => Registry.Create().MakeVector("CartPole-v1", 3, Registry.Options(("gravity", "3"))));
        Assert.Contains("unknown option 'gravity'", option.Message);
    }

    [Theory]
    [InlineData(13, 2)]
    [InlineData(0, -1)]
    [InlineData(39, 7)]
    public void An_action_outside_the_space_among_many_copies_names_its_copy_and_steps_none(int copy, int bad)
    {
        using var vector = (CartPoleVectorEnv)Registry.Create().MakeVector<int>("CartPole-v1", 40);
        vector.Reset(5);
        var before = Enumerable.Range(0, 40).Select(vector.GetState).ToArray();
        var actions = new int[40];
        actions[copy] = bad;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step(actions));
        Assert.Contains($"copy {copy} ", error.Message);
        Assert.Equal(before, Enumerable.Range(0, 40).Select(vector.GetState).ToArray());
    }

    [Fact]
    public void The_registry_steps_made_copies_for_ids_without_a_structure_of_arrays_env()
    {
        var registry = Registry.Create();
        using var sync = registry.MakeVector("Acrobot-v1", 4);
        using var parallel = registry.MakeVector("Acrobot-v1", 4, threads: 2);
        Assert.IsType<SyncVectorEnv<int>>(sync);
        Assert.IsType<ParallelVectorEnv<int>>(parallel);
        Assert.Equal(2, parallel.ThreadCount);
        Assert.IsType<CartPoleVectorEnv>(registry.MakeVector("CartPole-v0", 4));
    }

    [Fact]
    public void Every_per_copy_array_starts_on_a_cache_line_so_that_threads_on_neighbouring_blocks_share_none()
    {
        using var vector = Registry.Create().MakeVector<int>("CartPole-v1", 1024, autoresetMode: AutoresetMode.SameStep, threads: 2);
        var first = vector.Reset(0);
        var second = vector.Step(new int[1024]).Observations;
        Assert.NotSame(first, second);
        foreach (var array in new Array[] { first, second, vector.Rewards, vector.Terminated, vector.Truncated, vector.FinalObservations, vector.HasFinalObservation })
            Assert.Equal(0, array switch
            {
                float[] f => CacheLineArray.Offset(f),
                double[] d => CacheLineArray.Offset(d),
                bool[] b => CacheLineArray.Offset(b),
                _ => -1,
            });
    }

    private static (int Terminations, int Truncations) CompareTrajectories(SyncVectorEnv<int> reference, CartPoleVectorEnv vector, long seed, int steps)
    {
        Assert.Equal(reference.Reset(seed), vector.Reset(seed));
        var rng = new Rng(seed + 100);
        return VectorTrajectories.Compare(reference, vector, steps,
            actions => { for (int i = 0; i < actions.Length; i++) actions[i] = rng.NextInt(2); },
            // The float64 state too, not only its float32 observation.
            i => Assert.Equal(((CartPoleEnv)reference.Envs[i].Unwrapped).State, vector.GetState(i)));
    }
}
