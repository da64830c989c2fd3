using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Envs.ToyText;
using RlGym.Training;
using RlGym.Training.Evaluation;
using Xunit;

namespace MyAgent.Tests;

public sealed class MyAgentLearnerTests
{
    private static readonly EnvRegistry Envs = new EnvRegistry().Add(new ToyTextEnvironments());
    private static readonly AgentRegistry Agents = new AgentRegistry().Add(new MyAgentPackage());

    [Fact]
    public void Registers_under_its_name_with_its_hyperparameters()
    {
        var info = Agents.Get("my-agent").Info;
        Assert.Equal(["alpha", "gamma", "epsilon"], info.Hyperparameters.Select(h => h.Name));
    }

    [Fact]
    public void An_out_of_range_setting_is_refused_in_one_line()
    {
        using var env = Envs.Make("CliffWalking-v1");
        var e = Assert.Throws<UserInputException>(() =>
            Agents.Get("my-agent").Create(env, new Dictionary<string, string> { ["alpha"] = "2" }, seed: 0));
        Assert.DoesNotContain('\n', e.Message);
    }

    // CliffWalking (Sutton & Barto, Example 6.6): the shortest path along the cliff takes 13 steps of −1, and
    // Q-learning with ε = 0.1 learns it. Measured with α = 0.5, γ = 1: seeds 1–10 were all greedy-optimal after 100
    // episodes and 4 of them were not yet after 50 (their greedy walk never reached the goal); the test gives 200.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Learns_the_optimal_path_of_CliffWalking(long seed)
    {
        using var env = Envs.Make("CliffWalking-v1");
        var agent = Agents.Get("my-agent").Create(env, Settings("alpha=0.5", "gamma=1", "epsilon=0.1"), seed);

        Trainer.Create(env, agent, new TrainerOptions { Seed = seed, Episodes = 200 }).Run();

        var greedy = Evaluator.Run(env, agent, episodes: 1, seed: seed);
        Assert.Equal(-13, greedy.Mean);
    }

    [Fact]
    public void A_saved_and_loaded_agent_continues_exactly()
    {
        using var env = Envs.Make("CliffWalking-v1");
        var factory = Agents.Get("my-agent");
        var trained = (IAgent<int, int>)factory.Create(env, Settings(), seed: 5);
        Trainer.Create(env, trained, new TrainerOptions { Seed = 5, Episodes = 20 }).Run();

        var file = new MemoryStream();
        trained.Save(file);
        file.Position = 0;
        var loaded = (IAgent<int, int>)factory.Create(env, Settings(), seed: 99);
        loaded.Load(file);

        // Same values and the same generator: the same exploring actions from here on.
        for (int s = 0; s < 48; s++)
            for (int i = 0; i < 5; i++)
                Assert.Equal(trained.Act(s, explore: true), loaded.Act(s, explore: true));
    }

    [Fact]
    public void A_file_for_another_environment_or_cut_short_is_refused_in_one_line()
    {
        using var cliff = Envs.Make("CliffWalking-v1");
        using var lake = Envs.Make("FrozenLake-v1");
        var factory = Agents.Get("my-agent");
        var file = new MemoryStream();
        factory.Create(cliff, Settings(), seed: 1).Save(file);

        file.Position = 0;
        var wrongSize = Assert.Throws<UserInputException>(() => factory.Create(lake, Settings(), seed: 1).Load(file));
        Assert.Contains("48 states", wrongSize.Message);

        var cut = new MemoryStream(file.ToArray()[..40]);
        var cutShort = Assert.Throws<UserInputException>(() => factory.Create(cliff, Settings(), seed: 1).Load(cut));
        Assert.DoesNotContain('\n', cutShort.Message);
    }

    private static Dictionary<string, string> Settings(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
}
