using RlGym.Core.Agents;
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

    [Fact]
    public void Box_actions_are_refused_as_not_supported_yet()
    {
        using var env = s_registry.Make("Pendulum-v1");
        Assert.Contains("not supported yet", Factory("a2c").Refusal(env));
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
        Assert.Contains("unknown setting", Assert.Throws<UserInputException>(() => Factory("a2c").Create(env, new Dictionary<string, string> { ["alpha"] = "1" }, 0)).Message);
        Assert.Contains("out of range", Assert.Throws<UserInputException>(() => Factory("a2c").Create(env, new Dictionary<string, string> { ["gamma"] = "2" }, 0)).Message);
        Assert.Contains("not allowed", Assert.Throws<UserInputException>(() => Factory("actor-critic").Create(env, new Dictionary<string, string> { ["advantage"] = "v" }, 0)).Message);
        var agent = (ActorCriticAgent)Factory("actor-critic").Create(env, new Dictionary<string, string> { ["advantage"] = "td-error" }, 0);
        Assert.Equal(AdvantageKind.TdError, agent.Options.Advantage);
    }

    [Fact]
    public void A2c_trains_through_the_common_trainer_stepping_k_environments()
    {
        var env = s_registry.Make("CartPole-v1");
        var agent = (A2CAgent)Factory("a2c").Create(env, s_none, Seeds.Agent(0));
        var result = Trainer.Create(env, agent, new TrainerOptions { Seed = 0, Steps = 2_000, KeepReturns = true }).Run();
        Assert.Equal(result.TotalSteps * 8, agent.EnvironmentSteps);
        Assert.Equal(result.TotalSteps / 16, agent.Updates);
        env.Dispose();
    }

    [Fact]
    public void A2c_copies_a_one_hot_wrapped_grid_world()
    {
        var env = new WrapperCatalog().Apply(s_registry.Make("FrozenLake-v1"), "one-hot");
        Assert.Null(Factory("a2c").Refusal(env));
        var agent = (A2CAgent)Factory("a2c").Create(env, new Dictionary<string, string> { ["num_envs"] = "4" }, 0);
        Trainer.Create(env, agent, new TrainerOptions { Seed = 0, Steps = 64 }).Run();
        Assert.Equal(64 * 4, agent.EnvironmentSteps);
        env.Dispose();
    }

    [Fact]
    public void A2c_refuses_to_copy_a_wrapper_it_cannot_rebuild_unless_it_uses_one_environment()
    {
        using var env = new WrapperCatalog().Apply(s_registry.Make("CartPole-v1"), "normalize-observation");
        Assert.Contains("num_envs=1", Assert.Throws<UserInputException>(() => Factory("a2c").Create(env, s_none, 0)).Message);
        Assert.IsType<A2CAgent>(Factory("a2c").Create(env, new Dictionary<string, string> { ["num_envs"] = "1" }, 0));
    }
}
