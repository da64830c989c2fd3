using System.Text;
using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;
using RlGym.Core.Errors;

namespace RlGym.Agents.Tabular.Tests.Agents;

public sealed class PersistenceTests
{
    private static readonly Dictionary<string, string> Exploring = new() { ["epsilon"] = "0.3", ["alpha"] = "0.5" };

    private static MemoryStream Saved(IAgent agent)
    {
        var stream = new MemoryStream();
        agent.Save(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Drives both agents for <paramref name="steps"/> steps on identically seeded cliffs; returns the actions.</summary>
    private static void AssertActIdentically(IAgent<int, int> original, IAgent<int, int> restored, int steps, long seed)
    {
        var envA = TestMdps.CliffWalking();
        var envB = TestMdps.CliffWalking();
        int sa = envA.Reset(seed).Observation, sb = envB.Reset(seed).Observation;
        for (int t = 0; t < steps; t++)
        {
            bool explore = t % 10 != 9; // greedy choices break ties with the generator too
            int a = original.Act(sa, explore), b = restored.Act(sb, explore);
            Assert.Equal(a, b);
            var ra = envA.Step(a);
            var rb = envB.Step(b);
            bool truncated = t % 97 == 96;
            original.Observe(new Transition<int, int>(sa, a, ra.Reward, ra.Observation, ra.Terminated, truncated));
            restored.Observe(new Transition<int, int>(sb, b, rb.Reward, rb.Observation, rb.Terminated, truncated));
            sa = ra.Observation;
            sb = rb.Observation;
            if (ra.Terminated || truncated)
            {
                sa = envA.Reset().Observation;
                sb = envB.Reset().Observation;
            }
        }
    }

    [Theory]
    [MemberData(nameof(AgentCatalog.Names), MemberType = typeof(AgentCatalog))]
    public void A_loaded_agent_acts_identically_for_1000_steps(string name)
    {
        var original = AgentCatalog.Create(name, seed: 5, Exploring);
        Loop.Train(original, TestMdps.CliffWalking(), 20, seed: 5, maxSteps: 100);
        var restored = AgentCatalog.Create(name, seed: 999); // another seed and default options: all overwritten
        restored.Load(Saved(original));
        AssertActIdentically(original, restored, 1000, seed: 11);
        Assert.Equal(((IExploring)original).ExplorationRate, ((IExploring)restored).ExplorationRate);
    }

    [Theory]
    [InlineData("q-learning")]
    [InlineData("sarsa")]
    [InlineData("expected-sarsa")]
    [InlineData("double-q-learning")]
    [InlineData("n-step-sarsa")]
    [InlineData("n-step-q-learning")]
    [InlineData("monte-carlo")]
    public void An_agent_saved_mid_episode_resumes_identically(string name)
    {
        var original = AgentCatalog.Create(name, seed: 3, Exploring);
        var env = TestMdps.CliffWalking();
        int s = env.Reset(3).Observation;
        for (int t = 0; t < 7; t++)
        {
            int a = original.Act(s, true);
            var r = env.Step(a);
            original.Observe(new Transition<int, int>(s, a, r.Reward, r.Observation, r.Terminated, false));
            s = r.Observation;
        }
        var restored = AgentCatalog.Create(name, seed: 4);
        restored.Load(Saved(original));
        // Sarsa owes the action it drew for s; the file carries that promise.
        Assert.Equal(original.Act(s, true), restored.Act(s, true));
        AssertActIdentically(original, restored, 300, seed: 12);
    }

    [Fact]
    public void The_file_names_its_format_version_agent_and_options()
    {
        var agent = new NStepSarsaAgent(48, 4, new NStepSarsaOptions { N = 8, EpsilonSchedule = EpsilonDecay.Linear });
        string json = Encoding.UTF8.GetString(Saved(agent).ToArray());
        Assert.Contains("\"format\": \"rlgym-tabular-agent\"", json);
        Assert.Contains("\"version\": 2", json);
        Assert.Contains("\"agent\": \"n-step-sarsa\"", json);
        Assert.Contains("\"n\": \"8\"", json);
        Assert.Contains("\"epsilon_schedule\": \"linear\"", json);
    }

    [Fact]
    public void Loading_restores_the_saved_options()
    {
        var saved = new NStepQLearningAgent(48, 4, new NStepQLearningOptions { N = 16, Alpha = 0.25, Gamma = 0.5 });
        var loaded = new NStepQLearningAgent(48, 4);
        loaded.Load(Saved(saved));
        Assert.Equal(saved.Options, loaded.Options);
    }

    [Fact]
    public void Loading_another_agents_file_says_which_agent_it_holds()
    {
        var e = Assert.Throws<UserInputException>(() => new QLearningAgent(48, 4).Load(Saved(new SarsaAgent(48, 4))));
        Assert.Equal("cannot load q-learning: the file holds a 'sarsa' agent", e.Message);
    }

    [Fact]
    public void Loading_another_version_says_which_version_is_read()
    {
        string json = Encoding.UTF8.GetString(Saved(new QLearningAgent(48, 4)).ToArray()).Replace("\"version\": 2", "\"version\": 3");
        var e = Assert.Throws<UserInputException>(() => new QLearningAgent(48, 4).Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Equal("cannot load q-learning: the file is version 3; this build reads version 2", e.Message);
    }

    [Fact]
    public void Loading_a_table_of_another_size_names_both_sizes()
    {
        var e = Assert.Throws<UserInputException>(() => new QLearningAgent(16, 4).Load(Saved(new QLearningAgent(48, 4))));
        Assert.Equal("cannot load q-learning: the file is for 48 states × 4 actions; this environment has 16 × 4", e.Message);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("{\"format\": \"rlgym-dqn\"}", "format is 'rlgym-dqn'")]
    [InlineData("{\"format\": \"rlgym-tabular-agent\", \"version\": 2}", "damaged")]
    public void Loading_something_else_is_a_clear_error(string text, string expected)
    {
        var agent = new QLearningAgent(48, 4);
        agent.Q[0, 0] = 7;
        var e = Assert.Throws<UserInputException>(() => agent.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Contains(expected, e.Message);
        Assert.Equal(7, agent.Q[0, 0]); // a refused file changes nothing
    }

    [Fact]
    public void A_diverged_table_still_round_trips()
    {
        var agent = new QLearningAgent(2, 2);
        agent.Q[0, 0] = double.PositiveInfinity;
        agent.Q[0, 1] = double.NaN;
        agent.Q[1, 0] = -1.5e300;
        var loaded = new QLearningAgent(2, 2);
        loaded.Load(Saved(agent));
        Assert.Equal(agent.Q.Values, loaded.Q.Values);
    }
}
