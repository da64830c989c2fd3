using RlGym.Agents.ContinuousControl.Tests.Support;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;

namespace RlGym.Agents.ContinuousControl.Tests;

public sealed class ContractTests
{
    public static TheoryData<string> Names() => ["ddpg", "td3", "sac"];

    private static IAgent<float[], float[]> Create(string name, long seed, int learningStarts = 50, string? noise = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["hidden_sizes"] = "8,8", ["batch_size"] = "16", ["learning_starts"] = learningStarts.ToString(), ["buffer_size"] = "1000",
        };
        if (noise is not null) settings["noise"] = noise;
        var env = VectorLoop.Registry().Make("Pendulum-v1");
        return (IAgent<float[], float[]>)new AgentRegistry().Add(new ContinuousControlAgents()).Get(name).Create(env, settings, seed);
    }

    [Theory]
    [InlineData("ddpg", null)]
    [InlineData("td3", null)]
    [InlineData("sac", null)]
    [InlineData("ddpg", "ornstein-uhlenbeck")]
    [InlineData("td3", "ornstein-uhlenbeck")]
    public void A_saved_and_loaded_agent_continues_exactly_including_its_replay_buffer(string name, string? noise)
    {
        // 100 steps per copy of 200-step episodes: the Ornstein-Uhlenbeck processes are mid-episode when saved.
        var a = Create(name, seed: 3, noise: noise);
        VectorLoop.Train("Pendulum-v1", a, copies: 2, envSteps: 200, seed: 1);
        var b = Create(name, seed: 99, noise: noise);
        b.Load(Fixtures.Saved(a));

        // The same transitions from here on: both must choose the same actions and end with the same weights.
        var env = VectorLoop.Registry().Make("Pendulum-v1");
        var obs = (float[])env.ResetBoxed(5).Observation;
        for (int t = 0; t < 60; t++)
        {
            var actionsA = new float[2][];
            var actionsB = new float[2][];
            a.Act([obs, obs], actionsA);
            b.Act([obs, obs], actionsB);
            Assert.Equal(actionsA, actionsB);
            var r = env.StepBoxed(actionsA[0]);
            var next = (float[])((float[])r.Observation).Clone();
            var transition = new Transition<float[], float[]>(obs, actionsA[0], r.Reward, next, r.Terminated, r.Truncated, 0);
            a.Observe(transition);
            b.Observe(transition);
            obs = next;
        }
        Assert.Equal(Fixtures.Saved(a).ToArray(), Fixtures.Saved(b).ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Batch_act_is_one_forward_pass_matching_single_observations_and_stays_in_the_box(string name)
    {
        var agent = Create(name, seed: 4, learningStarts: 0);
        var rng = new RlGym.Core.Random.Rng(1);
        var observations = Enumerable.Range(0, 7).Select(_ => new[] { (float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-8, 8) }).ToArray();
        var actions = new float[7][];
        agent.Act(observations, actions);
        foreach (var a in actions) Assert.InRange(a[0], -2f, 2f);
        // Greedy single actions are deterministic, and the batch's exploration stays near them (noise 0.1 half-width
        // for DDPG and TD3; SAC's initial σ is about e^{-1.5} ≈ 0.22 before the squash).
        for (int i = 0; i < 7; i++)
            Assert.Equal(agent.Act(observations[i], explore: false), agent.Act(observations[i], explore: false));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Discrete_actions_are_refused_with_a_line_naming_what_to_use(string name)
    {
        var factory = new AgentRegistry().Add(new ContinuousControlAgents()).Get(name);
        var cartPole = VectorLoop.Registry().Make("CartPole-v1");
        Assert.Contains("needs Box (continuous) actions", factory.Refusal(cartPole));
        var e = Assert.Throws<UserInputException>(() => factory.Create(cartPole, new Dictionary<string, string>(), 1));
        Assert.DoesNotContain("\n", e.Message);
        Assert.Null(factory.Refusal(VectorLoop.Registry().Make("MountainCarContinuous-v0")));
        Assert.Throws<UserInputException>(() => factory.Create(VectorLoop.Registry().Make("Pendulum-v1"),
            new Dictionary<string, string> { ["hidden_sizes"] = "" }, 1));
    }

    [Fact]
    public void Random_actions_before_learning_starts_cover_the_box()
    {
        var agent = Create("td3", seed: 1, learningStarts: 1000);
        var obs = new float[] { 1, 0, 0 };
        var actions = Enumerable.Range(0, 500).Select(_ => agent.Act(obs, explore: true)[0]).ToArray();
        Assert.True(actions.Min() < -1.8f && actions.Max() > 1.8f);
        Assert.All(actions, a => Assert.InRange(a, -2f, 2f));
    }
}
