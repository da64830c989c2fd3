using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class WrapperCatalogTests
{
    private static readonly WrapperCatalog Catalog = new();

    private static IEnv CartLike() => new ScriptedBoxEnv(
        new Box([-4.8f, float.NegativeInfinity, -0.41887903f, float.NegativeInfinity],
                [4.8f, float.PositiveInfinity, 0.41887903f, float.PositiveInfinity]),
        [0f, 0f, 0f, 0f], [2.4f, 5f, -1f, 0f]);

    [Fact]
    public void One_hot_wraps_a_discrete_env()
    {
        var env = Catalog.Apply(new CorridorEnv(length: 5), "one-hot");
        Assert.IsType<OneHotObservation<int>>(env);
        Assert.Equal("Box(0.0, 1.0, (5,), float32)", env.ObservationSpace.ToString());
    }

    [Fact]
    public void Discretize_reads_bins_and_per_dimension_bounds()
    {
        var env = Catalog.Apply(CartLike(), "discretize:bins=6,low=-2.4;-3;-0.21;-3.5,high=2.4;3;0.21;3.5");
        var d = Assert.IsType<DiscretizeObservation<int>>(env);
        Assert.Equal("Discrete(1296)", env.ObservationSpace.ToString());
        Assert.Equal([-2.4, -3, -0.21, -3.5], d.Low.ToArray());
        Assert.Equal(777, d.Reset(seed: 0).Observation);
        // (2.4, 5, −1, 0): the top bin, the top bin (clipped), the bottom bin (clipped), bin 3.
        Assert.Equal(((5 * 6 + 5) * 6 + 0) * 6 + 3, d.Step(0).Observation);
    }

    [Fact]
    public void Discretize_accepts_bins_per_dimension_and_underscore_for_the_box_bound()
    {
        var d = (DiscretizeObservation<int>)Catalog.Apply(CartLike(), "discretize:bins=1;2;3;4,low=_;-3;_;-3.5,high=_;3;_;3.5");
        Assert.Equal([1, 2, 3, 4], d.Bins.ToArray());
        Assert.Equal(-4.8, d.Low[0], 1e-6);
        Assert.Equal(-0.41887903, d.Low[2], 1e-6);
    }

    [Fact]
    public void Discretize_without_bounds_for_an_unbounded_dimension_says_which()
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(CartLike(), "discretize:bins=6"));
        Assert.StartsWith("wrapper discretize: dimension 1 of Box(", e.Message);
        Assert.Contains("is unbounded; give finite low and high for it", e.Message);
        Assert.DoesNotContain("Parameter", e.Message);
    }

    [Fact]
    public void An_unknown_wrapper_lists_the_allowed_names()
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(new CorridorEnv(), "onehot"));
        Assert.Equal("unknown wrapper 'onehot'; allowed: clip-action, clip-reward, discretize, normalize-observation, one-hot, " +
                     "record-episode-statistics, scale-reward, time-limit", e.Message);
    }

    [Fact]
    public void An_unknown_parameter_lists_the_allowed_ones()
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(CartLike(), "discretize:bin=6"));
        Assert.Equal("wrapper discretize: unknown parameter 'bin'; allowed: bins, low, high", e.Message);
    }

    [Fact]
    public void A_wrapper_without_parameters_refuses_any()
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(new CorridorEnv(), "one-hot:n=3"));
        Assert.Equal("wrapper one-hot: unknown parameter 'n'; allowed: none", e.Message);
    }

    [Theory]
    [InlineData("discretize:bins=x", "wrapper discretize: bins=x: 'x' is not a positive integer")]
    [InlineData("discretize:bins=0", "wrapper discretize: bins=0: '0' is not a positive integer")]
    [InlineData("discretize:bins=6,low=a;b", "wrapper discretize: low=a;b: 'a' is not a number")]
    [InlineData("discretize:bins=6;6", "wrapper discretize: bins has 2 values; give one, or 4")]
    [InlineData("discretize:bins=6,low=-1;-1,high=1;1;1;1", "wrapper discretize: low has 2 values")]
    [InlineData("discretize:bins", "wrapper discretize: parameter 'bins' is not of the form key=value")]
    [InlineData("record-episode-statistics:buffer_length=0", "wrapper record-episode-statistics: option buffer_length=0 is out of range")]
    [InlineData("scale-reward", "wrapper scale-reward: needs scale=<number>")]
    [InlineData("scale-reward:scale=big", "wrapper scale-reward: option scale=big is not a number")]
    [InlineData("clip-reward:min=2,max=1", "wrapper clip-reward: min=2 is above max=1")]
    [InlineData("time-limit", "wrapper time-limit: needs max_episode_steps=<steps>")]
    [InlineData(":bins=3", "wrapper ':bins=3' has no name")]
    public void Bad_parameters_say_what_is_wrong(string specification, string message)
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(CartLike(), specification));
        Assert.StartsWith(message, e.Message);
    }

    [Theory]
    [InlineData("one-hot", "needs Discrete observations")]
    [InlineData("clip-action", "needs Box actions")]
    public void A_wrapper_that_does_not_fit_the_spaces_names_them(string specification, string needs)
    {
        var e = Assert.Throws<UserInputException>(() => Catalog.Apply(new DriftEnv(), specification));
        Assert.StartsWith($"wrapper {specification}: {needs}; DriftEnv has observations Box(", e.Message);
        Assert.EndsWith("and actions Discrete(2)", e.Message);
    }

    [Fact]
    public void Normalize_on_a_discrete_env_is_refused() =>
        Assert.Contains("needs Box observations",
            Assert.Throws<UserInputException>(() => Catalog.Apply(new CorridorEnv(), "normalize-observation")).Message);

    [Fact]
    public void Several_wrappers_apply_in_order_first_innermost()
    {
        var env = Catalog.Apply(new CorridorEnv(length: 4), ["time-limit:max-episode-steps=2", "one-hot", "scale-reward:scale=0.5", "record-episode-statistics"]);
        var stats = Assert.IsType<RecordEpisodeStatistics<float[], int>>(env);
        var scaled = Assert.IsType<TransformReward<float[], int>>(stats.Inner);
        var oneHot = Assert.IsType<OneHotObservation<int>>(scaled.Inner);
        Assert.IsType<TimeLimit<int, int>>(oneHot.Inner);
        Assert.IsType<CorridorEnv>(env.Unwrapped);

        stats.Reset(seed: 0);
        Assert.Equal(-0.5, stats.Step(1).Reward);
        var last = stats.Step(0);
        Assert.True(last.Truncated);
        Assert.Equal(-1.0, ((EpisodeStatistics)last.Info["episode"]).Return);
    }

    [Fact]
    public void Clip_reward_and_clip_action_work_from_text()
    {
        var env = (IEnv<float[], float[]>)Catalog.Apply(new EchoActionEnv(), ["clip-action", "clip-reward:min=-0.5,max=0.5"]);
        env.Reset(seed: 0);
        var step = env.Step([3f, -3f]);
        Assert.Equal([1f, -1f], step.Observation);
        Assert.Equal(0.5, step.Reward);
    }

    [Fact]
    public void Normalize_observation_reads_epsilon()
    {
        var env = Assert.IsType<NormalizeObservation<int>>(Catalog.Apply(new DriftEnv(), "normalize-observation:epsilon=0.001"));
        Assert.Equal(0.001, env.Epsilon);
    }

    [Fact]
    public void A_configuration_file_can_give_the_name_and_parameters_apart()
    {
        var env = Catalog.Apply(CartLike(), "discretize", new Dictionary<string, string>
        {
            ["bins"] = "6", ["low"] = "-2.4;-3;-0.21;-3.5", ["high"] = "2.4;3;0.21;3.5",
        });
        Assert.Equal("Discrete(1296)", env.ObservationSpace.ToString());
        Assert.Throws<UserInputException>(() => Catalog.Apply(CartLike(), "discretize", new Dictionary<string, string> { ["bin"] = "6" }));
    }

    [Fact]
    public void Entries_describe_their_parameters()
    {
        var discretize = Catalog.Get("discretize");
        Assert.Equal(["bins", "low", "high"], discretize.Parameters.Select(p => p.Name));
        Assert.All(Catalog.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
    }

    [Fact]
    public void A_registered_wrapper_can_be_named()
    {
        var catalog = new WrapperCatalog();
        catalog.Register(new WrapperEntry("negate-reward", "multiplies rewards by −1", [], (env, _) => catalog.Apply(env, "scale-reward:scale=-1")));
        var env = (IEnv<int, int>)catalog.Apply(new CorridorEnv(), "negate-reward");
        env.Reset(seed: 0);
        Assert.Equal(1.0, env.Step(1).Reward);
        Assert.Throws<ArgumentException>(() => catalog.Register(catalog.Get("one-hot")));
    }
}
