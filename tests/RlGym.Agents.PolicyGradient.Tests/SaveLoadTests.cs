using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>An agent saved and loaded into a fresh one (other seed) acts, and goes on learning, exactly as the original.</summary>
public sealed class SaveLoadTests
{
    private const string Id = "CartPole-v1";

    public static TheoryData<string> Names => new(PolicyGradientAgents.Factories.Select(f => f.Info.Name));

    private static IAgent<float[], int> Create(string name, IEnv env, long seed) =>
        (IAgent<float[], int>)PolicyGradientAgents.Factories.Single(f => f.Info.Name == name).Create(env, new Dictionary<string, string>(), seed);

    private static void Play(IAgent<float[], int> agent, IEnv<float[], int> env, long seed, int episodes)
    {
        var obs = env.Reset(seed).Observation;
        for (int e = 0; e < episodes; e++)
        {
            while (true)
            {
                int a = agent.Act(obs, explore: true);
                var r = env.Step(a);
                agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
                obs = r.Observation;
                if (r.Done) break;
            }
            obs = env.Reset().Observation;
        }
    }

    private static List<int> Actions(IAgent<float[], int> agent, IEnv<float[], int> env, bool explore)
    {
        var actions = new List<int>();
        var obs = env.Reset(99).Observation;
        for (int i = 0; i < 300; i++)
        {
            int a = agent.Act(obs, explore);
            actions.Add(a);
            var r = env.Step(a);
            obs = r.Done ? env.Reset().Observation : r.Observation;
        }
        return actions;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_loaded_agent_acts_identically(string name)
    {
        using var env = Solving.Make(Id);
        var original = Create(name, env, seed: 1);
        Play(original, env, seed: 1, episodes: 10);
        using var file = new MemoryStream();
        original.Save(file);
        var loaded = Create(name, env, seed: 2);
        file.Position = 0;
        loaded.Load(file);

        Assert.Equal(Actions(original, env, explore: true), Actions(loaded, env, explore: true));
        Assert.Equal(Actions(original, env, explore: false), Actions(loaded, env, explore: false));
        var p = new double[2];
        var q = new double[2];
        var s = env.Reset(5).Observation;
        ((IActionValues<float[]>)original).ActionValues(s, p);
        ((IActionValues<float[]>)loaded).ActionValues(s, q);
        Assert.Equal(p, q);
    }

    [Theory]
    [InlineData("reinforce")]
    [InlineData("reinforce-baseline")]
    [InlineData("actor-critic")]
    public void A_loaded_agent_goes_on_learning_identically(string name)
    {
        using var env = Solving.Make(Id);
        var original = Create(name, env, seed: 1);
        Play(original, env, seed: 1, episodes: 5);
        using var file = new MemoryStream();
        original.Save(file);
        var loaded = Create(name, env, seed: 2);
        file.Position = 0;
        loaded.Load(file);

        Play(original, env, seed: 7, episodes: 5);
        Play(loaded, env, seed: 7, episodes: 5);
        Assert.Equal(Actions(original, env, explore: true), Actions(loaded, env, explore: true));
    }

    [Fact]
    public void Loading_another_agents_file_is_refused_and_leaves_the_agent_unchanged()
    {
        using var env = Solving.Make(Id);
        var reinforce = Create("reinforce", env, seed: 1);
        using var file = new MemoryStream();
        reinforce.Save(file);
        var a2c = Create("a2c", env, seed: 1);
        var before = Actions(a2c, env, explore: false);
        file.Position = 0;
        var e = Assert.Throws<UserInputException>(() => a2c.Load(file));
        Assert.Contains("'reinforce'", e.Message);
        Assert.Equal(before, Actions(a2c, env, explore: false));
    }

    [Fact]
    public void Loading_a_file_of_other_network_sizes_is_refused()
    {
        using var env = Solving.Make(Id);
        var small = new ReinforceAgent<int>(4, new CategoricalHead(2), new ReinforceOptions { HiddenSizes = [8] }, seed: 1);
        using var file = new MemoryStream();
        small.Save(file);
        file.Position = 0;
        Assert.Throws<UserInputException>(() => new ReinforceAgent<int>(4, new CategoricalHead(2), seed: 1).Load(file));
        Assert.Throws<UserInputException>(() => new ReinforceAgent<int>(4, new CategoricalHead(2), seed: 1).Load(new MemoryStream([1, 2, 3])));
    }
}
