using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Vector;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Vector;

public sealed class VectorEnvTests
{
    private static IEnv<float[], int> Drift(int i) => new TimeLimit<float[], int>(new DriftEnv(), 25);

    [Theory]
    [InlineData(0L)]
    [InlineData(1000L)]
    public void Reset_seeds_copy_i_with_seed_plus_i(long seed)
    {
        using var env = new SyncVectorEnv<int>(4, Drift);
        var batch = env.Reset(seed);
        for (int i = 0; i < 4; i++)
        {
            var single = new DriftEnv().Reset(seed + i).Observation;
            Assert.Equal(single, batch.AsSpan(i * 2, 2).ToArray());
            Assert.Equal(single, env.Observation(i).ToArray());
        }
        Assert.NotEqual(batch.AsSpan(0, 2).ToArray(), batch.AsSpan(2, 2).ToArray());
    }

    [Fact]
    public void Observations_are_one_contiguous_row_per_copy()
    {
        using var env = new SyncVectorEnv<int>(3, Drift);
        Assert.Equal(6, env.Reset(seed: 0).Length);
        Assert.Equal((3, 2), (env.Count, env.ObservationSize));
        Assert.Equal("Discrete(2)", env.SingleActionSpace.ToString());
    }

    [Theory]
    [InlineData(AutoresetMode.NextStep, 1, 5)]
    [InlineData(AutoresetMode.NextStep, 3, 7)]
    [InlineData(AutoresetMode.SameStep, 2, 7)]
    [InlineData(AutoresetMode.SameStep, 4, 9)]
    public void Parallel_gives_the_same_numbers_as_sync_bit_for_bit(AutoresetMode mode, int threads, int copies)
    {
        using var sync = new SyncVectorEnv<int>(copies, Drift, mode);
        using var parallel = new ParallelVectorEnv<int>(copies, Drift, mode, threads);
        Assert.Equal(Math.Min(threads, copies), parallel.ThreadCount);
        var rng = new Rng(copies);
        var actions = new int[copies];
        Assert.Equal(sync.Reset(seed: 42), parallel.Reset(seed: 42));
        int episodesEnded = 0;
        for (int t = 0; t < 400; t++)
        {
            for (int i = 0; i < copies; i++) actions[i] = rng.NextInt(2);
            var a = sync.Step(actions);
            var b = parallel.Step(actions);
            Assert.Equal(a.Observations, b.Observations);
            Assert.Equal(a.Rewards, b.Rewards);
            Assert.Equal(a.Terminated, b.Terminated);
            Assert.Equal(a.Truncated, b.Truncated);
            Assert.Equal(sync.HasFinalObservation, parallel.HasFinalObservation);
            Assert.Equal(sync.FinalObservations, parallel.FinalObservations);
            episodesEnded += a.Terminated.Count(x => x) + a.Truncated.Count(x => x);
        }
        // Episodes last at most 25 steps, so every copy went through several autoresets.
        Assert.True(episodesEnded >= copies * 400 / 25, $"{episodesEnded} episodes ended");
    }

    [Fact]
    public void A_copy_matches_the_same_env_stepped_alone()
    {
        using var env = new SyncVectorEnv<int>(3, Drift, AutoresetMode.SameStep);
        var alone = Drift(0);
        var obs = alone.Reset(seed: 9).Observation;
        env.Reset(seed: 7);
        for (int t = 0; t < 200; t++)
        {
            int a = t % 3 == 0 ? 0 : 1;
            var r = env.Step([a, a, a]);
            var s = alone.Step(a);
            Assert.Equal(s.Reward, r.Rewards[2]);
            if (s.Done)
            {
                Assert.Equal(s.Observation, env.FinalObservations.AsSpan(4, 2).ToArray());
                s = s with { Observation = alone.Reset().Observation };
            }
            Assert.Equal(s.Observation, env.Observation(2).ToArray());
        }
    }

    [Fact]
    public void Continuous_actions_are_generic()
    {
        using var env = new SyncVectorEnv<float[]>(2, _ => new EchoActionEnv());
        env.Reset(seed: 0);
        var r = env.Step(new[] { new[] { 0.5f, -0.5f }, new[] { 0.25f, 1f } });
        Assert.Equal([0.5f, -0.5f, 0.25f, 1f], r.Observations);
        Assert.Equal([0.5, 0.25], r.Rewards);
    }

    [Fact]
    public void Sync_stepping_allocates_nothing_after_warm_up()
    {
        foreach (var mode in new[] { AutoresetMode.NextStep, AutoresetMode.SameStep })
        {
            using var v = new SyncVectorEnv<int>(4, Drift, mode);
            var actions = new[] { 0, 1, 1, 0 };
            v.Reset(seed: 1);
            for (int t = 0; t < 200; t++) v.Step(actions);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 0; t < 1000; t++)
            {
                actions[t % 4] ^= 1;
                v.Step(actions);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void Stepping_before_reset_is_refused()
    {
        using var env = new SyncVectorEnv<int>(2, Drift);
        Assert.Contains("before Reset", Assert.Throws<InvalidOperationException>(() => env.Step([0, 0])).Message);
    }

    [Fact]
    public void The_action_count_must_match_the_copies()
    {
        using var env = new SyncVectorEnv<int>(2, Drift);
        env.Reset(seed: 0);
        Assert.Contains("3 actions for 2 copies", Assert.Throws<ArgumentException>(() => env.Step([0, 0, 0])).Message);
    }

    [Fact]
    public void Observations_that_are_not_a_box_are_refused_pointing_to_one_hot()
    {
        var e = Assert.Throws<ArgumentException>(() => new SyncVectorEnv<int>([new NotABoxEnv()]));
        Assert.Contains("need Box observations; NotABoxEnv has Points() (wrap it with OneHotObservation)", e.Message);
    }

    [Fact]
    public void The_same_instance_twice_is_refused()
    {
        var drift = Drift(0);
        Assert.Contains("same object", Assert.Throws<ArgumentException>(() => new SyncVectorEnv<int>([drift, drift])).Message);
    }

    [Fact]
    public void A_failing_copy_surfaces_on_the_calling_thread()
    {
        using var env = new ParallelVectorEnv<int>(4, i => i == 3 ? new BrokenStepEnv() : Drift(i), threads: 2);
        env.Reset(seed: 0);
        var e = Assert.Throws<InvalidOperationException>(() => env.Step([0, 0, 0, 0]));
        Assert.Equal("step is broken", e.Message);
        // The workers survive and the next step reports again rather than hanging.
        Assert.Throws<InvalidOperationException>(() => env.Step([0, 0, 0, 0]));
    }

    [Fact]
    public void Dispose_disposes_every_copy_and_is_safe_twice()
    {
        var copies = Enumerable.Range(0, 3).Select(_ => new CorridorEnv()).ToArray();
        var env = new ParallelVectorEnv<int>(copies.Select(c => (IEnv<float[], int>)new OneHotObservation<int>(c)), threads: 3);
        env.Dispose();
        env.Dispose();
        Assert.All(copies, c => Assert.True(c.Disposed));
        Assert.Throws<ObjectDisposedException>(() => env.Reset(seed: 0));
    }

    private sealed class BrokenStepEnv : Env<float[], int>
    {
        public override Core.Spaces.Space<float[]> ObservationSpace { get; } = new Core.Spaces.Box([-1f, float.NegativeInfinity], [1f, float.PositiveInfinity]);
        public override Core.Spaces.Space<int> ActionSpace { get; } = new Core.Spaces.Discrete(2);
        public override ResetResult<float[]> Reset(long? seed = null, Core.Registration.EnvOptions? options = null) => new(new float[2], Info.Empty);
        public override StepResult<float[]> Step(int action) => throw new InvalidOperationException("step is broken");
    }

    private sealed class NotABoxEnv : Env<float[], int>
    {
        public override Core.Spaces.Space<float[]> ObservationSpace { get; } = new NotABox();
        public override Core.Spaces.Space<int> ActionSpace { get; } = new Core.Spaces.Discrete(2);
        public override ResetResult<float[]> Reset(long? seed = null, Core.Registration.EnvOptions? options = null) => new([0f], Info.Empty);
        public override StepResult<float[]> Step(int action) => new([0f], 0, false, false, Info.Empty);

        private sealed class NotABox : Core.Spaces.Space<float[]>
        {
            public override IReadOnlyList<int> Shape => [1];
            public override float[] Sample() => [0f];
            public override bool Contains(float[] value) => true;
            public override float[] Clone(float[] value) => (float[])value.Clone();
            public override double[] ToNumbers(object value) => [((float[])value)[0]];
            public override object FromNumbers(ReadOnlySpan<double> numbers) => new[] { (float)numbers[0] };
            public override string ToString() => "Points()";
        }
    }
}
