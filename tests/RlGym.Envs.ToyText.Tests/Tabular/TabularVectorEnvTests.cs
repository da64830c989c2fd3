using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Core.Vector;
using RlGym.Core.Wrappers;
using RlGym.Envs.Testing;
using RlGym.Envs.ToyText.Tabular;
using RlGym.Envs.ToyText.Taxi;
using RlGym.Envs.ToyText.Textbook;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.Tabular;

public sealed class TabularVectorEnvTests
{
    [Theory]
    [InlineData("FrozenLake-v1", 0L, AutoresetMode.NextStep, 1, true)]
    [InlineData("FrozenLake-v1", 13L, AutoresetMode.SameStep, 2, true)]
    [InlineData("FrozenLake8x8-v1", 5L, AutoresetMode.NextStep, 2, true)]
    [InlineData("CliffWalkingSlippery-v1", 3L, AutoresetMode.NextStep, 2, false)]
    [InlineData("CliffWalking-v1", 8L, AutoresetMode.SameStep, 1, false)]
    [InlineData("RandomWalk-v0", 21L, AutoresetMode.NextStep, 1, true)]
    [InlineData("GridWorld-v0", 4L, AutoresetMode.NextStep, 2, true)]
    [InlineData("WindyGridworld-v0", 9L, AutoresetMode.SameStep, 1, false)]
    [InlineData("ShortCorridor-v0", 6L, AutoresetMode.NextStep, 1, true)]
    public void Every_copy_follows_the_one_hot_registry_made_single_env_with_its_seed_bit_for_bit(string id, long seed, AutoresetMode mode, int threads, bool randomActionsReachTheEnd)
    {
        var registry = ToyTextRegistry.Create();
        // 150 copies: three blocks, so that two threads each step some of them.
        const int k = 150;
        using var reference = new SyncVectorEnv<int>(k, _ => new OneHotObservation<int>(registry.Make<int, int>(id, maxEpisodeSteps: 30)), mode);
        using var vector = (TabularVectorEnv)registry.MakeVector<int>(id, k, maxEpisodeSteps: 30, autoresetMode: mode, threads: threads);
        Assert.Equal(reference.SingleObservationSpace.ToString(), vector.SingleObservationSpace.ToString());
        Assert.Equal(reference.Reset(seed), vector.Reset(seed));
        var rng = new Rng(seed + 1);
        int actionCount = ((Core.Spaces.Discrete)vector.SingleActionSpace).N;
        var (terminations, truncations) = VectorTrajectories.Compare(reference, vector, 120,
            actions => { for (int i = 0; i < k; i++) actions[i] = rng.NextInt(actionCount); },
            i => Assert.Equal(((TabularEnv)reference.Envs[i].Unwrapped).CurrentState, vector.State(i)));
        // Every copy's episode ends at least once on average, and the time limit cuts some.
        Assert.True(terminations + truncations >= k, $"only {terminations} terminations and {truncations} truncations");
        Assert.True(truncations > 0, "no truncations");
        // Random actions rarely reach CliffWalking's and WindyGridworld's goals within 30 steps.
        if (randomActionsReachTheEnd) Assert.True(terminations > 0, "no terminations");
    }

    [Fact]
    public void Each_row_is_one_hot_at_its_copys_state()
    {
        using var vector = (TabularVectorEnv)ToyTextRegistry.Create().MakeVector<int>("FrozenLake-v1", 40);
        vector.Reset(2);
        var actions = new int[40];
        for (int t = 0; t < 25; t++)
        {
            Array.Fill(actions, t % 4);
            vector.Step(actions);
            for (int i = 0; i < 40; i++)
            {
                var row = vector.Observation(i).ToArray();
                Assert.Equal(1f, row[vector.State(i)]);
                Assert.Equal(1f, row.Sum());
            }
        }
    }

    [Fact]
    public void Options_reach_every_copy_and_unknown_ones_are_refused_by_name()
    {
        var registry = ToyTextRegistry.Create();
        using var eight = registry.MakeVector("FrozenLake-v1", 3, ToyTextRegistry.Options("map_name=8x8"));
        Assert.Equal(64, eight.ObservationSize);
        var unknown = Assert.Throws<UserInputException>(() => registry.MakeVector("FrozenLake-v1", 3, ToyTextRegistry.Options("slippery=false")));
        Assert.Contains("unknown option 'slippery'", unknown.Message);
    }

    [Fact]
    public void Models_that_step_by_more_than_their_table_are_refused()
    {
        var settings = new VectorEnvSettings(4, null, AutoresetMode.NextStep, 1);
        Assert.Throws<ArgumentException>(() => new TabularVectorEnv(new TaxiEnv(), settings));
        Assert.Throws<ArgumentException>(() => new TabularVectorEnv(new MaximizationBiasEnv(), settings));
        // Without a vector env of its own, Taxi is still refused by the registry, which names what it needs.
        var taxi = Assert.Throws<UserInputException>(() => ToyTextRegistry.Create().MakeVector("Taxi-v3", 4));
        Assert.Contains("Box observations", taxi.Message);
    }

    [Fact]
    public void An_action_outside_the_space_is_refused_naming_the_copy()
    {
        using var vector = ToyTextRegistry.Create().MakeVector<int>("CliffWalking-v1", 3);
        vector.Reset(0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([0, 4, 1]));
        Assert.Contains("copy 1", e.Message);
    }
}
