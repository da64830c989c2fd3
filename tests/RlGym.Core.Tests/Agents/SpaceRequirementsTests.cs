using RlGym.Core.Agents;
using RlGym.Core.Tests.TestEnvs;

namespace RlGym.Core.Tests.Agents;

/// <summary>Every agent family refuses an environment outside its spaces in one line that says what would work.</summary>
public sealed class SpaceRequirementsTests
{
    [Fact]
    public void Tabular_agents_take_the_corridor_and_send_box_observations_to_discretize()
    {
        Assert.Null(SpaceRequirements.Tabular.Refusal("q-learning", new CorridorEnv()));
        Assert.Contains("add --wrap discretize", SpaceRequirements.Tabular.Refusal("q-learning", new EchoActionEnv()));
    }

    [Fact]
    public void Network_agents_send_discrete_observations_to_one_hot()
    {
        var refusal = SpaceRequirements.DiscreteActions.Refusal("dqn", new CorridorEnv());
        Assert.StartsWith("dqn needs Box observations", refusal);
        Assert.Contains("--wrap one-hot", refusal);
    }

    [Fact]
    public void Box_actions_are_sent_to_the_agents_that_take_them_and_back()
    {
        Assert.Contains("use ppo, trpo, ddpg, td3 or sac", SpaceRequirements.DiscreteActions.Refusal("a2c", new EchoActionEnv()));
        Assert.Null(SpaceRequirements.AnyActions.Refusal("ppo", new EchoActionEnv()));
        Assert.Null(SpaceRequirements.ContinuousActions.Refusal("td3", new EchoActionEnv()));
    }

    [Fact]
    public void Accepts_text_names_both_spaces()
    {
        Assert.Equal("Discrete observations, Discrete actions", SpaceRequirements.Tabular.Describe());
        Assert.EndsWith("bounded Box actions (1-D)", SpaceRequirements.ContinuousActions.Describe());
    }
}
