using RlGym.Core.Errors;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.Registration;

public sealed class ToyTextEnvironmentsTests
{
    public static readonly TheoryData<string> Ids =
    [
        "FrozenLake-v1", "FrozenLake8x8-v1", "CliffWalking-v1", "CliffWalkingSlippery-v1", "Taxi-v3", "GridWorld-v0",
        "WindyGridworld-v0", "RandomWalk-v0", "MaximizationBias-v0", "ShortCorridor-v0",
    ];

    [Fact]
    public void Specs_carry_gymnasiums_limits_and_thresholds()
    {
        var registry = ToyTextRegistry.Create();
        Assert.Equal((100, 0.70), (registry.Spec("FrozenLake-v1").MaxEpisodeSteps, registry.Spec("FrozenLake-v1").RewardThreshold));
        Assert.Equal((200, 0.85), (registry.Spec("FrozenLake8x8-v1").MaxEpisodeSteps, registry.Spec("FrozenLake8x8-v1").RewardThreshold));
        Assert.Equal((200, 8.0), (registry.Spec("Taxi-v3").MaxEpisodeSteps, registry.Spec("Taxi-v3").RewardThreshold));
        Assert.Null(registry.Spec("CliffWalking-v1").MaxEpisodeSteps);
        Assert.Equal("8x8", registry.Spec("FrozenLake8x8-v1").DefaultOptions["map_name"]);
        Assert.All(registry.Specs, s => Assert.Equal("toy-text", s.Family));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_makes_a_tabular_grid_environment_with_its_defaults(string id)
    {
        var env = ToyTextRegistry.Create().Make<int, int>(id);
        Assert.IsAssignableFrom<ITabularModel>(env.Unwrapped);
        Assert.IsAssignableFrom<IGridView>(env.Unwrapped);
        var first = env.Reset(0).Observation;
        Assert.True(env.ObservationSpace.Contains(first));
        Assert.All(ToyTextRegistry.Create().Spec(id).Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Model_probabilities_sum_to_one_and_terminal_states_loop_with_reward_zero(string id)
    {
        var model = (TabularEnv)ToyTextRegistry.Create().Make(id).Unwrapped;
        for (int s = 0; s < model.StateCount; s++)
            for (int a = 0; a < model.ActionCount; a++)
            {
                if (!model.IsValidAction(s, a)) continue;
                var outcomes = model.Outcomes(s, a);
                Assert.Equal(1.0, outcomes.Sum(o => o.Probability), 12);
                Assert.All(outcomes, o => Assert.InRange(o.NextState, 0, model.StateCount - 1));
                if (model.IsTerminal(s)) Assert.Equal(new Outcome(1, s, 0, true), Assert.Single(outcomes));
            }
    }

    [Fact]
    public void Unknown_option_is_refused_with_the_allowed_options()
    {
        var e = Assert.Throws<UserInputException>(() =>
            ToyTextRegistry.Create().Make("FrozenLake-v1", ToyTextRegistry.Options("slippery=false")));
        Assert.Equal("unknown option 'slippery' for FrozenLake-v1; allowed: map_name, desc, is_slippery, success_rate, reward_schedule, map_size, map_p, map_seed", e.Message);
    }

    [Fact]
    public void Taxi_refuses_every_option()
    {
        var e = Assert.Throws<UserInputException>(() => ToyTextRegistry.Create().Make("Taxi-v3", ToyTextRegistry.Options("is_rainy=true")));
        Assert.Contains("allowed: none", e.Message);
    }

    [Fact]
    public void Bad_option_values_name_the_option()
    {
        var e = Assert.Throws<UserInputException>(() => ToyTextRegistry.Create().Make("FrozenLake-v1", ToyTextRegistry.Options("map_name=5x5")));
        Assert.Contains("4x4, 8x8, random", e.Message);
        e = Assert.Throws<UserInputException>(() => ToyTextRegistry.Create().Make("FrozenLake-v1", ToyTextRegistry.Options("reward_schedule=1,0")));
        Assert.Contains("goal,hole,frozen", e.Message);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Actions_outside_the_space_throw_naming_the_actions(string id)
    {
        var env = (TabularEnv)ToyTextRegistry.Create().Make(id).Unwrapped;
        env.Reset(0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(env.ActionCount));
        Assert.Contains($"0 {env.ActionNames[0]}", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Stepping_allocates_nothing(string id)
    {
        var env = (TabularEnv)ToyTextRegistry.Create().Make(id).Unwrapped;
        env.Reset(0);
        Run(env, 1000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(env, 10_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Run(TabularEnv env, int steps)
        {
            for (int t = 0; t < steps; t++)
            {
                int s = env.CurrentState;
                int a = t % env.ActionCount;
                if (!env.IsValidAction(s, a)) a = 0;
                if (env.Step(a).Done) env.Reset();
            }
        }
    }
}
