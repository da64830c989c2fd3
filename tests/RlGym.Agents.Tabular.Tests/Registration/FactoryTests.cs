using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Tabular.Tests.Registration;

public sealed class FactoryTests
{
    private static readonly Dictionary<string, string> None = new();

    private static IAgentFactory Factory(string name) => new AgentRegistry().Add(new TabularAgents()).Get(name);

    [Fact]
    public void The_package_registers_the_seven_agents_by_their_kebab_case_names()
    {
        var registry = new AgentRegistry().Add(new TabularAgents());
        Assert.Equal(
            ["double-q-learning", "expected-sarsa", "monte-carlo", "n-step-q-learning", "n-step-sarsa", "q-learning", "sarsa"],
            registry.Factories.Select(f => f.Info.Name).Order());
    }

    [Theory]
    [InlineData("q-learning", typeof(QLearningAgent))]
    [InlineData("sarsa", typeof(SarsaAgent))]
    [InlineData("expected-sarsa", typeof(ExpectedSarsaAgent))]
    [InlineData("n-step-sarsa", typeof(NStepSarsaAgent))]
    [InlineData("n-step-q-learning", typeof(NStepQLearningAgent))]
    [InlineData("double-q-learning", typeof(DoubleQLearningAgent))]
    [InlineData("monte-carlo", typeof(MonteCarloAgent))]
    public void Each_factory_creates_its_agent_sized_to_the_environment(string name, Type type)
    {
        var agent = Factory(name).Create(TestMdps.CliffWalking(), None, 1);
        Assert.IsType(type, agent);
        Assert.Equal(name, agent.Name);
        Assert.Equal(4, ((IActionValues<int>)agent).ActionCount);
        Assert.IsAssignableFrom<IExploring>(agent);
    }

    [Fact]
    public void Every_agent_lists_the_shared_hyperparameters_under_the_same_names()
    {
        string[] shared = ["alpha", "gamma", "epsilon", "epsilon_schedule", "epsilon_end", "epsilon_decay_steps", "exploration", "temperature", "initial_value"];
        foreach (var f in TabularAgents.Factories)
        {
            var names = f.Info.Hyperparameters.Select(h => h.Name).ToList();
            Assert.All(shared, n => Assert.Contains(n, names));
            Assert.All(f.Info.Hyperparameters, h => Assert.False(string.IsNullOrWhiteSpace(h.Description), $"{f.Info.Name}.{h.Name}"));
        }
        Assert.Contains(Factory("n-step-sarsa").Info.Hyperparameters, h => h is { Name: "n", Default: "4", Range: "1 to 100000" });
        Assert.Contains(Factory("q-learning").Info.Hyperparameters, h => h is { Name: "exploration", Type: "epsilon-greedy|softmax" });
    }

    [Fact]
    public void Settings_override_the_defaults()
    {
        var agent = (NStepSarsaAgent)Factory("n-step-sarsa").Create(TestMdps.CliffWalking(),
            new Dictionary<string, string> { ["n"] = "8", ["alpha"] = "0.5", ["epsilon-schedule"] = "linear", ["exploration"] = "softmax" }, 1);
        Assert.Equal(new NStepSarsaOptions { N = 8, Alpha = 0.5, EpsilonSchedule = EpsilonDecay.Linear, Exploration = ExplorationKind.Softmax },
            agent.Options);
    }

    [Theory]
    [InlineData("alpha", "1.5", "setting alpha=1.5 is out of range; allowed: 0 to 1")]
    [InlineData("alhpa", "0.5", "unknown setting 'alhpa'; allowed: ")]
    [InlineData("gamma", "high", "setting gamma=high is not a valid float")]
    [InlineData("exploration", "boltzmann", "setting exploration=boltzmann is not allowed; allowed: epsilon-greedy, softmax")]
    [InlineData("epsilon_decay_steps", "0", "setting epsilon_decay_steps=0 is out of range")]
    public void Bad_settings_are_one_line_errors(string key, string value, string expected)
    {
        var e = Assert.Throws<UserInputException>(() =>
            Factory("q-learning").Create(TestMdps.CliffWalking(), new Dictionary<string, string> { [key] = value }, 1));
        Assert.StartsWith(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_seed_decides_the_agents_choices()
    {
        int[] Choices(long seed)
        {
            var agent = (IAgent<int, int>)Factory("q-learning").Create(TestMdps.CliffWalking(), new Dictionary<string, string> { ["epsilon"] = "1" }, seed);
            return Enumerable.Range(0, 50).Select(_ => agent.Act(0, true)).ToArray();
        }
        Assert.Equal(Choices(3), Choices(3));
        Assert.NotEqual(Choices(3), Choices(4));
    }

    [Fact]
    public void A_discrete_environment_is_accepted()
    {
        Assert.All(TabularAgents.Factories, f => Assert.Null(f.Refusal(TestMdps.CliffWalking())));
    }

    [Fact]
    public void Box_observations_are_refused_naming_the_discretize_wrapper()
    {
        var cartPole = new SpaceEnv<float[], int>("CartPole-v1", new Box(-1, 1, 4), new Discrete(2));
        Assert.Equal(
            "q-learning needs Discrete observations; CartPole-v1 has Box(-1.0, 1.0, (4,), float32): add --wrap discretize",
            Factory("q-learning").Refusal(cartPole));
        var e = Assert.Throws<UserInputException>(() => Factory("sarsa").Create(cartPole, None, 0));
        Assert.StartsWith("sarsa needs Discrete observations; CartPole-v1", e.Message);
    }

    [Fact]
    public void Box_actions_are_refused_as_continuous()
    {
        var env = new SpaceEnv<int, float[]>("Continuous-v0", new Discrete(5), new Box(-2, 2, 1));
        Assert.Equal(
            "monte-carlo needs Discrete actions; Continuous-v0 has Box(-2.0, 2.0, (1,), float32): for continuous actions use ppo, trpo, ddpg, td3 or sac",
            Factory("monte-carlo").Refusal(env));
    }

    [Fact]
    public void Multi_discrete_observations_are_refused_without_naming_a_wrapper_the_catalog_lacks()
    {
        var env = new SpaceEnv<int[], int>("Grid-v0", new MultiDiscrete(3, 4), new Discrete(4));
        Assert.EndsWith("has MultiDiscrete([3 4]), which no wrapper turns into a table index", Factory("q-learning").Refusal(env));
    }
}
