using RlGym.Agents.Testing;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Wrappers;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;
using RlGym.Training;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>The package, the factories' refusals and settings, and A2C through the common trainer.</summary>
public sealed class FactoryTests
{
    private static readonly EnvRegistry s_registry = new EnvRegistry().Add(new ClassicControlEnvironments()).Add(new ToyTextEnvironments());
    private static readonly Dictionary<string, string> s_none = [];

    private static IAgentFactory Factory(string name) => new AgentRegistry().Add(new PolicyGradientAgents()).Get(name);

    [Fact]
    public void The_package_registers_the_four_agents_of_the_lectures()
    {
        var registry = new AgentRegistry().Add(new PolicyGradientAgents());
        Assert.Equal(["a2c", "actor-critic", "reinforce", "reinforce-baseline"], registry.Factories.Select(f => f.Info.Name).Order());
        Assert.All(registry.Factories, f => Assert.All(f.Info.Hyperparameters, h => Assert.NotEmpty(h.Description)));
    }

    [Theory]
    [InlineData("reinforce")]
    [InlineData("reinforce-baseline")]
    [InlineData("actor-critic")]
    [InlineData("a2c")]
    public void Discrete_observations_are_refused_with_the_one_hot_wrapper_named(string name)
    {
        using var env = s_registry.Make("FrozenLake-v1");
        Assert.Contains("--wrap one-hot", Factory(name).Refusal(env));
        Assert.Throws<UserInputException>(() => Factory(name).Create(env, s_none, 0));
    }

    [Theory]
    [InlineData("reinforce")]
    [InlineData("reinforce-baseline")]
    [InlineData("a2c")]
    public void Box_actions_get_a_gaussian_policy_and_are_listed(string name)
    {
        using var env = s_registry.Make("Pendulum-v1");
        Assert.Null(Factory(name).Refusal(env));
        Assert.Contains("Box actions", Factory(name).Info.Accepts);
        var agent = (IAgent<float[], float[]>)Factory(name).Create(env, s_none, 0);
        var action = agent.Act(((IEnv<float[], float[]>)env).Reset(0).Observation, explore: true);
        Assert.Single(action);
        Assert.InRange(action[0], -2f, 2f);
    }

    [Fact]
    public void Actor_critic_keeps_to_discrete_actions()
    {
        using var env = s_registry.Make("Pendulum-v1");
        Assert.Contains("use ppo, trpo, ddpg, td3 or sac", Factory("actor-critic").Refusal(env));
    }

    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("MountainCar-v0")]
    [InlineData("Acrobot-v1")]
    public void Classic_control_with_discrete_actions_is_accepted(string id)
    {
        using var env = s_registry.Make(id);
        Assert.All(PolicyGradientAgents.Factories, f => Assert.Null(f.Refusal(env)));
    }

    [Fact]
    public void Unknown_and_out_of_range_settings_are_refused()
    {
        using var env = s_registry.Make("CartPole-v1");
        Assert.Contains("unknown setting", Assert.Throws<UserInputException>(() => Factory("a2c").Create(env, new Dictionary<string, string> { ["policy_learning_rate"] = "1" }, 0)).Message);
        Assert.Contains("unknown setting", Assert.Throws<UserInputException>(() => Factory("reinforce").Create(env, new Dictionary<string, string> { ["alpha"] = "1" }, 0)).Message);
        Assert.Contains("out of range", Assert.Throws<UserInputException>(() => Factory("a2c").Create(env, new Dictionary<string, string> { ["gamma"] = "2" }, 0)).Message);
        Assert.Contains("not allowed", Assert.Throws<UserInputException>(() => Factory("actor-critic").Create(env, new Dictionary<string, string> { ["advantage"] = "v" }, 0)).Message);
        var agent = (ActorCriticAgent)Factory("actor-critic").Create(env, new Dictionary<string, string> { ["advantage"] = "td-error" }, 0);
        Assert.Equal(AdvantageKind.TdError, agent.Options.Advantage);
    }

    [Fact]
    public void The_lectures_names_set_alpha_beta_and_n()
    {
        using var env = s_registry.Make("CartPole-v1");
        var a2c = (A2CAgent<int>)Factory("a2c").Create(env, new Dictionary<string, string> { ["alpha"] = "0.02", ["beta"] = "0.003", ["n"] = "5" }, 0);
        Assert.Equal((0.02, 0.003, 5), (a2c.Options.Alpha, a2c.Options.Beta, a2c.Options.N));
        var reinforce = (ReinforceAgent<int>)Factory("reinforce").Create(env, new Dictionary<string, string> { ["beta"] = "0.004" }, 0);
        Assert.Equal(0.004, reinforce.Options.Beta);
    }

    [Fact]
    public void Each_agent_keeps_its_own_default_step_sizes()
    {
        Assert.Equal((1e-3, 0.0), (new ReinforceOptions().Beta, new ReinforceOptions().MaxGradNorm));
        Assert.Equal((1e-3, 1e-3, 0.0), (new ReinforceBaselineOptions().Beta, new ReinforceBaselineOptions().Alpha, new ReinforceBaselineOptions().MaxGradNorm));
        Assert.Equal((1e-4, 1e-3, 0.5), (new ActorCriticOptions().Beta, new ActorCriticOptions().Alpha, new ActorCriticOptions().MaxGradNorm));
        Assert.Equal((2e-3, 1e-2, 0.5, 16), (new A2COptions().Beta, new A2COptions().Alpha, new A2COptions().MaxGradNorm, new A2COptions().N));
    }

    [Fact]
    public void A2c_trains_on_8_copies_unless_the_run_says_otherwise_and_the_others_on_1()
    {
        Assert.Equal(8, Factory("a2c").Info.DefaultEnvs);
        Assert.All(PolicyGradientAgents.Factories.Where(f => f.Info.Name != "a2c"), f => Assert.Equal(1, f.Info.DefaultEnvs));
    }

    [Fact]
    public void A2c_learns_from_rollouts_of_k_times_m_steps_of_its_k_copies()
    {
        using var env = s_registry.Make("CartPole-v1");
        var agent = (A2CAgent<int>)Factory("a2c").Create(env, s_none, 0);
        var loop = new VectorLoop<float[], int>(8, _ => s_registry.Make<float[], int>("CartPole-v1"), seed: 0);
        loop.Run(agent, 500);
        Assert.Equal(8, agent.Copies);
        Assert.Equal(loop.Steps, agent.Steps);
        Assert.True(loop.Steps < 500 * 8, "copies being reset contribute no transition");
        Assert.Equal(loop.Steps / (8 * 16), agent.Updates);
    }

    [Fact]
    public void A2c_trains_through_the_common_trainer_on_one_environment()
    {
        var env = s_registry.Make("CartPole-v1");
        var agent = (A2CAgent<int>)Factory("a2c").Create(env, s_none, Seeds.Agent(0));
        var result = Trainer.Create(env, agent, new TrainerOptions { Seed = 0, Steps = 2_000, KeepReturns = true }).Run();
        Assert.Equal(result.TotalSteps, agent.Steps);
        Assert.Equal(result.TotalSteps / 16, agent.Updates);
        env.Dispose();
    }

    [Fact]
    public void A2c_runs_on_copies_of_a_one_hot_wrapped_grid_world()
    {
        using var env = new WrapperCatalog().Apply(s_registry.Make("FrozenLake-v1"), "one-hot");
        Assert.Null(Factory("a2c").Refusal(env));
        var agent = (A2CAgent<int>)Factory("a2c").Create(env, s_none, 0);
        var loop = new VectorLoop<float[], int>(4, _ => (IEnv<float[], int>)new WrapperCatalog().Apply(s_registry.Make("FrozenLake-v1"), "one-hot"), seed: 0);
        loop.Run(agent, 64);
        Assert.Equal(loop.Steps, agent.Steps);
        Assert.Equal(loop.Steps / (4 * 16), agent.Updates);
    }

    [Fact]
    public void A2c_accepts_any_wrapper_since_the_trainer_makes_its_copies()
    {
        using var env = new WrapperCatalog().Apply(s_registry.Make("CartPole-v1"), "normalize-observation");
        Assert.IsType<A2CAgent<int>>(Factory("a2c").Create(env, s_none, 0));
        Assert.Contains("unknown setting", Assert.Throws<UserInputException>(
            () => Factory("a2c").Create(env, new Dictionary<string, string> { ["num_envs"] = "4" }, 0)).Message);
    }
}
